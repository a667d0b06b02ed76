package no.studietur.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.studietur.billing.BillingSamples;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.registration.RegistrationConfirmed;

class InvoiceTest {

    private static final Instant EARLY = Instant.parse("2027-01-10T09:00:00Z");
    private static final Instant LATE = Instant.parse("2027-05-20T09:00:00Z");

    private final RegistrationConfirmed confirmed = BillingSamples.confirmation();
    private final Invoice invoice = BillingSamples.invoice(confirmed);

    @Test
    void chargesEveryParticipantWithDueDateAndKid() {
        assertThat(invoice.lines()).hasSize(2);
        assertThat(invoice.payableAmount()).isEqualTo(Money.of("21980", "NOK"));
        assertThat(invoice.outstandingAmount()).isEqualTo(invoice.payableAmount());
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2026-12-23"));
        assertThat(invoice.kid()).isEqualTo(Kid.of("2026-000042"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.buyer().address().buyerReference()).isEqualTo("4100-ELDRE");
    }

    @Test
    void anEarlyPartialCancellationCreditsHalfTheCancelledParticipantsPlace() {
        CreditNote note = invoice.creditFor(BillingSamples.customerCancels(confirmed, 1, EARLY), "event-1", "cn-1",
                "K2026-000001", BillingSamples.ISSUED).orElseThrow();

        assertThat(note.lines()).singleElement().satisfies(line -> {
            assertThat(line.participantId()).isEqualTo(confirmed.details().participants().getFirst().participantId());
            assertThat(line.lineNetAmount()).isEqualTo(Money.of("5495", "NOK"));
            assertThat(line.description()).startsWith("Kreditering ved avbestilling, gebyr 50 % beholdes: ")
                    .endsWith("Ola Nordmann");
        });
        assertThat(note.creditedAmount()).isEqualTo(Money.of("5495", "NOK"));
        Invoice credited = invoice.withCreditNote(note);
        assertThat(credited.outstandingAmount()).isEqualTo(Money.of("16485", "NOK"));
        assertThat(credited.status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void aLateCancellationCreditsNothing() {
        assertThat(invoice.credits(BillingSamples.customerCancels(confirmed, 2, LATE))).isFalse();
        assertThat(invoice.creditFor(BillingSamples.customerCancels(confirmed, 2, LATE), "e", "cn", "K1",
                BillingSamples.ISSUED)).isEmpty();
    }

    @Test
    void aParticipantIsCreditedOnceAndATourCancellationCreditsTheRestInFull() {
        Invoice afterFirst = invoice.withCreditNote(invoice.creditFor(BillingSamples.customerCancels(confirmed, 1,
                EARLY), "e1", "cn-1", "K1", BillingSamples.ISSUED).orElseThrow());

        CreditNote rest = afterFirst.creditFor(BillingSamples.tourCancelled(confirmed), "e2", "cn-2", "K2",
                BillingSamples.ISSUED).orElseThrow();

        assertThat(rest.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNetAmount()).isEqualTo(Money.of("10990", "NOK"));
            assertThat(line.description()).startsWith("Kreditering, turen er avlyst: ").endsWith("Máret Ŋuolja");
        });
        Invoice settled = afterFirst.withCreditNote(rest);
        assertThat(settled.outstandingAmount()).isEqualTo(Money.of("5495", "NOK"));
        assertThat(settled.hasCreditNoteFor("e2")).isTrue();
    }

    @Test
    void aTourCancelledBeforeAnythingWasPaidLeavesTheInvoiceCredited() {
        Invoice credited = invoice.withCreditNote(invoice.creditFor(BillingSamples.tourCancelled(confirmed), "e",
                "cn", "K1", BillingSamples.ISSUED).orElseThrow());

        assertThat(credited.status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(credited.outstandingAmount()).isEqualTo(Money.of("0", "NOK"));
        assertThat(credited.becomesOverdueOn(LocalDate.parse("2027-06-01"))).isFalse();
    }

    @Test
    void paymentsSettleTheInvoiceStepByStep() {
        Invoice partly = invoice.withPayment(payment("bank-1", "10000"));
        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partly.outstandingAmount()).isEqualTo(Money.of("11980", "NOK"));

        Invoice paid = partly.withPayment(payment("bank-2", "11980"));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.recorded(paid.payment("bank-2").orElseThrow()).outstandingAmount())
                .isEqualTo(Money.of("0", "NOK"));

        Invoice overpaid = paid.withPayment(payment("bank-3", "100"));
        assertThat(overpaid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(overpaid.outstandingAmount()).isEqualTo(Money.of("-100", "NOK"));
    }

    @Test
    void becomesOverdueOnceTheDayAfterTheDueDateUnlessPaid() {
        assertThat(invoice.becomesOverdueOn(invoice.dueDate())).isFalse();
        assertThat(invoice.becomesOverdueOn(invoice.dueDate().plusDays(1))).isTrue();

        Invoice overdue = invoice.overdue(invoice.dueDate().plusDays(1));
        assertThat(overdue.overdueEvent().overdueOn()).isEqualTo(invoice.dueDate().plusDays(1));
        assertThat(overdue.becomesOverdueOn(invoice.dueDate().plusDays(5))).isFalse();
        assertThat(invoice.withPayment(payment("bank", "21980")).becomesOverdueOn(invoice.dueDate().plusDays(1)))
                .isFalse();
    }

    @Test
    void aSubstitutionRenamesTheLineAndChangesNoAmount() {
        String participantId = confirmed.details().participants().getFirst().participantId();
        Instant at = Instant.parse("2027-02-01T10:00:00Z");

        Invoice substituted = invoice.withSubstitute(participantId, "Ola Nordmann", "Kari Nordmann", at,
                "event-1");

        assertThat(substituted.lines().getFirst().description()).endsWith(": Kari Nordmann");
        assertThat(substituted.lines().getFirst().lineNetAmount()).isEqualTo(invoice.lines().getFirst().lineNetAmount());
        assertThat(substituted.payableAmount()).isEqualTo(invoice.payableAmount());
        assertThat(substituted.hasSubstitution("event-1")).isTrue();
        assertThat(substituted.issued().lines().getFirst().description()).endsWith(": Kari Nordmann");
    }

    private static Payment payment(String reference, String amount) {
        return new Payment(reference, reference, Money.of(amount, "NOK"), LocalDate.parse("2026-12-01"),
                Instant.parse("2026-12-01T10:00:00Z"));
    }
}
