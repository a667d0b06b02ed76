package no.studietur.contracts.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Fee tiers, and whether a colleague may take a participant's place instead. A tier with
 * {@code fromDaysBeforeStart} N applies to a cancellation made <em>later than</em> N days before the start
 * (fewer than N whole days left, counted in the tour's time zone), as in "avbestilling senere enn 15 dager før
 * arrangementet belastes 100 %"; a tier without it applies from the moment the registration is binding. The
 * highest fee that applies is charged.
 */
public record CancellationPolicy(List<CancellationTier> tiers, boolean substitutionAllowed) {

    public CancellationPolicy {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** The fee in percent for a cancellation with {@code daysBeforeStart} whole days left (0 on the first day). */
    public int feePercent(long daysBeforeStart) {
        return tiers.stream()
                .filter(tier -> tier.fromDaysBeforeStart() == null || daysBeforeStart < tier.fromDaysBeforeStart())
                .mapToInt(CancellationTier::feePercent).max().orElse(0);
    }

    /**
     * The fee for a cancellation requested at {@code requestedAt} of a tour starting {@code startDate} in
     * {@code tourZone}: whole days are counted between calendar dates there, so a request at 00:30 in Copenhagen
     * on the 17th is the 17th, whatever the date in UTC.
     */
    public int feePercent(Instant requestedAt, LocalDate startDate, ZoneId tourZone) {
        return feePercent(ChronoUnit.DAYS.between(requestedAt.atZone(tourZone).toLocalDate(), startDate));
    }

    /**
     * The part of a place's price given back when {@code feePercent} is charged: rounded half-up to øre once per
     * place, so the fee (the price less this) is the same wherever it is computed.
     */
    public static Money refundOf(Money price, int feePercent) {
        return price.percent(BigDecimal.valueOf(100L - feePercent));
    }

    /** The fee kept for one place: its price less {@link #refundOf}. */
    public static Money feeOf(Money price, int feePercent) {
        return price.minus(refundOf(price, feePercent));
    }

    /** Why this policy cannot be offered, or empty when it can: fees 0–100 %, each threshold once. */
    public Optional<String> problem() {
        if (tiers.stream().anyMatch(tier -> tier.feePercent() < 0 || tier.feePercent() > 100)) {
            return Optional.of("fees must be between 0 and 100 %");
        }
        if (tiers.stream().anyMatch(tier -> tier.fromDaysBeforeStart() != null && tier.fromDaysBeforeStart() < 0)) {
            return Optional.of("days before the start cannot be negative");
        }
        if (tiers.stream().map(CancellationTier::fromDaysBeforeStart).distinct().count() < tiers.size()) {
            return Optional.of("each threshold may appear only once");
        }
        return Optional.empty();
    }
}
