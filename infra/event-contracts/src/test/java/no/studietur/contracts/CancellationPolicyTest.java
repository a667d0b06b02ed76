package no.studietur.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.CancellationTier;
import no.studietur.contracts.common.Money;

class CancellationPolicyTest {

    private static final CancellationPolicy SEED = new CancellationPolicy(
            List.of(new CancellationTier(null, 50), new CancellationTier(15, 100)), true);

    @ParameterizedTest(name = "{0} days before the start: {1} %")
    @CsvSource({"200, 50", "16, 50", "15, 50", "14, 100", "1, 100", "0, 100"})
    void chargesHalfFromBindingAndAllLaterThanFifteenDaysBefore(long daysBeforeStart, int fee) {
        assertThat(SEED.feePercent(daysBeforeStart)).isEqualTo(fee);
    }

    /** A tour starting 31.05.2027 in Copenhagen. */
    @ParameterizedTest(name = "{0} → {1} %")
    @CsvSource({
            "2026-11-23T12:00:00Z, 50",
            "2027-05-15T12:00:00Z, 50",   // 16 days before
            "2027-05-16T21:59:59Z, 50",   // 23:59:59 on the 16th in Copenhagen: exactly 15 days before
            "2027-05-16T22:00:00Z, 100",  // 00:00 on the 17th in Copenhagen, although still the 16th in UTC
            "2027-05-17T09:00:00Z, 100",  // 14 days before
            "2027-05-31T08:00:00Z, 100",  // the first day
            "2027-06-05T08:00:00Z, 100",  // after the start
    })
    void countsTheDaysOnTheCalendarOfTheToursTimeZone(Instant requestedAt, int fee) {
        assertThat(SEED.feePercent(requestedAt, LocalDate.parse("2027-05-31"), ZoneId.of("Europe/Copenhagen")))
                .isEqualTo(fee);
    }

    @Test
    void splitsAPlaceIntoRefundAndFeeRoundedOnceSoBothAddUpToThePrice() {
        Money price = Money.of("1999.99", "NOK");
        assertThat(CancellationPolicy.refundOf(price, 50)).isEqualTo(Money.of("1000.00", "NOK"));
        assertThat(CancellationPolicy.feeOf(price, 50)).isEqualTo(Money.of("999.99", "NOK"));
        assertThat(CancellationPolicy.feeOf(price, 100)).isEqualTo(price);
        assertThat(CancellationPolicy.refundOf(price, 0)).isEqualTo(price);
    }

    @Test
    void chargesTheHighestFeeThatAppliesWhateverTheOrderOfTiers() {
        var reversed = new CancellationPolicy(List.of(new CancellationTier(30, 25), new CancellationTier(7, 100),
                new CancellationTier(14, 50)), false);
        assertThat(reversed.feePercent(40)).isZero();
        assertThat(reversed.feePercent(20)).isEqualTo(25);
        assertThat(reversed.feePercent(10)).isEqualTo(50);
        assertThat(reversed.feePercent(3)).isEqualTo(100);
    }

    @Test
    void refusesFeesOutsideZeroToHundredAndRepeatedThresholds() {
        assertThat(SEED.problem()).isEmpty();
        assertThat(new CancellationPolicy(List.of(new CancellationTier(null, 150)), true).problem()).isPresent();
        assertThat(new CancellationPolicy(List.of(new CancellationTier(15, 50), new CancellationTier(15, 100)), true)
                .problem()).isPresent();
        assertThat(new CancellationPolicy(List.of(new CancellationTier(-1, 50)), true).problem()).isPresent();
    }
}
