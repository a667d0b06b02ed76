package no.studietur.contracts.billing;

import java.time.LocalDate;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Money;

/**
 * An invoice was still not fully paid the day after its due date; published once per invoice. Carries what a
 * reminder needs: the buyer (and its invoice e-mail), the KID, the original and the outstanding amount.
 */
public record InvoiceOverdue(String invoiceId, String invoiceNumber, String registrationId, String tourId,
                             BillingParty buyer, String kid, LocalDate issueDate, LocalDate dueDate,
                             Money payableAmount, Money outstandingAmount, LocalDate overdueOn)
        implements DomainEvent {

    @Override
    public String subject() {
        return invoiceId;
    }
}
