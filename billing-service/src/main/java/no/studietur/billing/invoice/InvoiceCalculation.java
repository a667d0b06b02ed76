package no.studietur.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * The amounts of a tour invoice: one line per participant at the tour's price, VAT per category as the tour
 * defines it, rounded once per category subtotal (as the EHF tax total is checked). Plain Java.
 */
public record InvoiceCalculation(List<InvoiceLine> lines, List<VatSubtotal> vatBreakdown, Money netTotal,
                                 Money vatTotal, Money payableAmount) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public static InvoiceCalculation forParticipants(TourSummary tour, List<Participant> participants) {
        String period = tour.startDate().equals(tour.endDate()) ? DATE.format(tour.startDate())
                : DATE.format(tour.startDate()) + "–" + DATE.format(tour.endDate());
        List<InvoiceLine> lines = participants.stream().map(participant -> new InvoiceLine(
                tour.title() + ", " + tour.place() + " " + period + ": " + participant.fullName(),
                participant.participantId(), 1, tour.pricePerParticipant(), tour.vat(),
                tour.pricePerParticipant())).toList();
        return of(lines, tour.pricePerParticipant().currency());
    }

    public static InvoiceCalculation of(List<InvoiceLine> lines, String currency) {
        Map<VatTreatment, Money> taxableByVat = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            taxableByVat.merge(line.vat(), line.lineNetAmount(), Money::plus);
        }
        List<VatSubtotal> breakdown = taxableByVat.entrySet().stream().map(entry -> new VatSubtotal(entry.getKey(),
                entry.getValue(), new Money(entry.getValue().amount().multiply(entry.getKey().ratePercent())
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP), currency))).toList();
        Money zero = new Money(BigDecimal.ZERO, currency);
        Money net = breakdown.stream().map(VatSubtotal::taxableAmount).reduce(zero, Money::plus);
        Money vat = breakdown.stream().map(VatSubtotal::taxAmount).reduce(zero, Money::plus);
        return new InvoiceCalculation(lines, breakdown, net, vat, net.plus(vat));
    }
}
