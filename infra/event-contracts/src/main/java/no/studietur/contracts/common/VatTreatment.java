package no.studietur.contracts.common;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A UNCL5305 VAT category (S, Z, E, …) with its rate and, where exempt, the reason printed on the invoice. */
public record VatTreatment(String category, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal ratePercent,
                           String exemptionReason) {
}
