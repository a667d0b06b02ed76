package no.studietur.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.common.VatTreatment;

class InvoiceCalculationTest {

    private static final VatTreatment ZERO_RATED = new VatTreatment("Z", BigDecimal.ZERO, null);
    private static final VatTreatment STANDARD = new VatTreatment("S", new BigDecimal("25"), null);
    private static final VatTreatment FOOD = new VatTreatment("S", new BigDecimal("15"), null);

    private static Participant participant(String id, String name) {
        return new Participant(id, name, null, null, null, name.toLowerCase() + "@example.no", null, null, "nb");
    }

    @Test
    void oneLinePerParticipantAtTheTourPrice() {
        TourSummary tour = new TourSummary("t", "STUDY_TOUR", "Aalborg-modellen", "Aalborg", "DK", "Europe/Copenhagen",
                LocalDate.parse("2027-05-31"), LocalDate.parse("2027-06-02"), Money.of("10990", "NOK"), ZERO_RATED, "nb");

        var invoice = InvoiceCalculation.forParticipants(tour, List.of(participant("p1", "Ola"), participant("p2", "Kari")));

        assertThat(invoice.lines()).hasSize(2);
        assertThat(invoice.lines().getFirst().description()).isEqualTo("Aalborg-modellen, Aalborg 31.05.2027–02.06.2027: Ola");
        assertThat(invoice.netTotal()).isEqualTo(Money.of("21980", "NOK"));
        assertThat(invoice.vatTotal()).isEqualTo(Money.of("0", "NOK"));
        assertThat(invoice.payableAmount()).isEqualTo(Money.of("21980", "NOK"));
    }

    @Test
    void roundsVatOncePerCategoryAndRate() {
        var line = new InvoiceLine("Lunsj", "p1", 1, Money.of("0.33", "NOK"), FOOD, Money.of("0.33", "NOK"));
        var seminar = new InvoiceLine("Seminar", "p1", 1, Money.of("1000.10", "NOK"), STANDARD, Money.of("1000.10", "NOK"));

        var invoice = InvoiceCalculation.of(List.of(line, line, line, seminar), "NOK");

        // 0.99 at 15 % is 0.1485: rounded once on the subtotal, as the EHF tax total is checked.
        assertThat(invoice.vatBreakdown()).hasSize(2);
        assertThat(invoice.vatBreakdown().get(0).taxableAmount()).isEqualTo(Money.of("0.99", "NOK"));
        assertThat(invoice.vatBreakdown().get(0).taxAmount()).isEqualTo(Money.of("0.15", "NOK"));
        assertThat(invoice.vatBreakdown().get(1).taxAmount()).isEqualTo(Money.of("250.03", "NOK"));
        assertThat(invoice.netTotal()).isEqualTo(Money.of("1001.09", "NOK"));
        assertThat(invoice.vatTotal()).isEqualTo(Money.of("250.18", "NOK"));
        assertThat(invoice.payableAmount()).isEqualTo(Money.of("1251.27", "NOK"));
    }
}
