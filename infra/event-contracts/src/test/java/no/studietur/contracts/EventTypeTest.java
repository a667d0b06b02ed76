package no.studietur.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.studietur.contracts.common.Money;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void findsEachTypeByItsCloudEventsTypeAndByItsRecord(EventType type) {
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
        assertThat(EventType.of(SampleEvents.of(type))).isEqualTo(type);
        assertThat(type.ceType()).startsWith("no.studietur." + type.topic() + ".").endsWith(".v1");
    }

    @Test
    void leavesUnknownTypesToTheConsumer() {
        assertThat(EventType.fromCeType("no.studietur.registrations.RegistrationPlaced.v2")).isEmpty();
    }

    @Test
    void moneyKeepsTwoDecimalsAndRefusesToRoundSilently() {
        assertThat(Money.of("9460", "NOK").amount()).isEqualByComparingTo("9460.00");
        assertThat(Money.of("10990", "NOK").percent(new BigDecimal("50")).amount()).isEqualByComparingTo("5495.00");
        assertThat(Money.of("0.01", "NOK").percent(new BigDecimal("50")).amount()).isEqualByComparingTo("0.01");
        assertThatThrownBy(() -> Money.of("1.005", "NOK")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("1", "NOK").plus(Money.of("1", "SEK")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
