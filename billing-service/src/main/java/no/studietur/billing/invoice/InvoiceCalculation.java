package no.studietur.billing.invoice;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.billing.VatSubtotal;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.common.VatTreatment;

/**
 * The amounts of a document: the lines, VAT per category and rate as the tour defines it, rounded once per
 * category subtotal (as the EHF tax total is checked), and the totals. Plain Java.
 */
public record InvoiceCalculation(List<InvoiceLine> lines, List<VatSubtotal> vatBreakdown, Money netTotal,
                                 Money vatTotal, Money payableAmount) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** One line per participant at the tour's price. */
    public static InvoiceCalculation forParticipants(TourSummary tour, List<Participant> participants) {
        List<InvoiceLine> lines = participants.stream().map(participant -> new InvoiceLine(
                describe(tour, participant.fullName()), participant.participantId(), 1, tour.pricePerParticipant(),
                tour.vat(), tour.pricePerParticipant())).toList();
        return of(lines, tour.pricePerParticipant().currency());
    }

    /** What a participant's line says: the tour, where and when, and who travels. */
    public static String describe(TourSummary tour, String participantName) {
        String period = tour.startDate().equals(tour.endDate()) ? DATE.format(tour.startDate())
                : DATE.format(tour.startDate()) + "–" + DATE.format(tour.endDate());
        return tour.title() + ", " + tour.place() + " " + period + ": " + participantName;
    }

    public static InvoiceCalculation of(List<InvoiceLine> lines, String currency) {
        Map<VatTreatment, Money> taxableByVat = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            taxableByVat.merge(line.vat(), line.lineNetAmount(), Money::plus);
        }
        List<VatSubtotal> breakdown = taxableByVat.entrySet().stream().map(entry -> new VatSubtotal(entry.getKey(),
                entry.getValue(), entry.getValue().percent(entry.getKey().ratePercent()))).toList();
        Money zero = new Money(BigDecimal.ZERO, currency);
        Money net = breakdown.stream().map(VatSubtotal::taxableAmount).reduce(zero, Money::plus);
        Money vat = breakdown.stream().map(VatSubtotal::taxAmount).reduce(zero, Money::plus);
        return new InvoiceCalculation(lines, breakdown, net, vat, net.plus(vat));
    }
}
