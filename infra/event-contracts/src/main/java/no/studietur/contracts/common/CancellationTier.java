package no.studietur.contracts.common;

/**
 * A fee that applies from a number of days before the start; {@code fromDaysBeforeStart} null means from the
 * moment the registration is binding.
 */
public record CancellationTier(Integer fromDaysBeforeStart, int feePercent) {
}
