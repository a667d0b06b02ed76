package no.studietur.contracts.billing;

import java.time.LocalDate;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Money;

/**
 * A payment was matched to an invoice. {@code paymentReference} is the bank's reference for the transfer;
 * {@code outstandingAmount} is what remains after it and the invoice's credit notes (negative when overpaid);
 * {@code invoiceStatus} is PAID or PARTIALLY_PAID afterwards.
 */
public record PaymentRecorded(String paymentId, String invoiceId, String invoiceNumber, String registrationId,
                              String tourId, Money amount, LocalDate paidOn, String kid, String paymentReference,
                              Money outstandingAmount, String invoiceStatus) implements DomainEvent {

    @Override
    public String subject() {
        return invoiceId;
    }
}
