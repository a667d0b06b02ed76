package no.studietur.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.studietur.billing.BillingSamples;
import no.studietur.contracts.registration.RegistrationConfirmed;

class CancellationFeeTest {

    private static final RegistrationConfirmed AALBORG = BillingSamples.confirmation();

    /** The Aalborg tour starts 31.05.2027 in Copenhagen; 50 % from binding, 100 % later than 15 days before. */
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
    void chargesTheTierInForceOnTheDayOfTheRequestInTheToursTimeZone(Instant requestedAt, int fee) {
        assertThat(CancellationFee.percent(AALBORG.agreedPolicy(), AALBORG.tour(), requestedAt)).isEqualTo(fee);
    }
}
