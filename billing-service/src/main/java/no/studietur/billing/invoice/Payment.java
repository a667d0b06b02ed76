package no.studietur.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;

import no.studietur.contracts.common.Money;

/** Money received for an invoice; {@code reference} is the bank's, unique per invoice, so a repeat is recognised. */
public record Payment(String id, String reference, Money amount, LocalDate paidOn, Instant recordedAt) {
}
