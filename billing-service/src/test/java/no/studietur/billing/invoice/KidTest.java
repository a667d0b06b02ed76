package no.studietur.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KidTest {

    @Test
    void appendsALuhnCheckDigitToTheInvoiceNumberDigits() {
        assertThat(Kid.of("1-000001")).isEqualTo("10000016");
        assertThat(Kid.of("2027-000001")).isEqualTo("20270000019");
        assertThat(Kid.of("2027-000017")).isEqualTo("20270000175");
        assertThat(Kid.isValid(Kid.of("2027-000017"))).isTrue();
    }

    @Test
    void detectsASingleWrongDigitAndSwappedNeighbours() {
        assertThat(Kid.isValid("10000016")).isTrue();
        assertThat(Kid.isValid("10000017")).isFalse();
        assertThat(Kid.isValid("01000016")).isFalse();
        assertThat(Kid.isValid("1")).isFalse();
    }

    @Test
    void refusesNumbersWithoutDigitsOrTooLong() {
        assertThatThrownBy(() -> Kid.of("ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kid.of("1".repeat(25))).isInstanceOf(IllegalArgumentException.class);
    }
}
