package no.studietur.billing.invoice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.TourSummary;

/**
 * The fee for cancelling a place: the tier of the policy agreed when the registration was placed, applied on the
 * calendar day the cancellation was requested, counted in the tour's time zone. A request at 23:30 in Oslo on the
 * 1st is the 1st in Copenhagen too, but one at 00:30 Copenhagen time is already the next day there, whatever UTC
 * says. Plain Java.
 */
public final class CancellationFee {

    private CancellationFee() {
    }

    public static int percent(CancellationPolicy agreedPolicy, TourSummary tour, Instant requestedAt) {
        Objects.requireNonNull(agreedPolicy, "agreedPolicy");
        ZoneId tourZone = ZoneId.of(tour.timeZone());
        long daysBeforeStart = ChronoUnit.DAYS.between(requestedAt.atZone(tourZone).toLocalDate(), tour.startDate());
        return agreedPolicy.feePercent(daysBeforeStart);
    }
}
