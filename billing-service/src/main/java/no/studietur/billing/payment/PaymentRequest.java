package no.studietur.billing.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A payment finance matched on the bank statement: by KID, or by invoice number when the payer wrote that
 * instead. {@code reference} is the bank's reference for the transfer; the same reference twice is one payment.
 */
public record PaymentRequest(
        @Pattern(regexp = "\\d{2,25}", message = "must be 2 to 25 digits") String kid,
        @Size(max = 40) String invoiceNumber,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NOK") String currency,
        @NotNull LocalDate paidOn,
        @NotBlank @Size(max = 100) String reference) {
}
