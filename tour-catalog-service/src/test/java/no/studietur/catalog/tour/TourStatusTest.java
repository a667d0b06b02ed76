package no.studietur.catalog.tour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TourStatusTest {

    @Test
    void followsTheLifecycle() {
        assertThat(TourStatus.DRAFT.canBecome(TourStatus.PUBLISHED)).isTrue();
        assertThat(TourStatus.PUBLISHED.canBecome(TourStatus.REGISTRATION_CLOSED)).isTrue();
        assertThat(TourStatus.REGISTRATION_CLOSED.canBecome(TourStatus.COMPLETED)).isTrue();
        assertThat(TourStatus.PUBLISHED.canBecome(TourStatus.CANCELLED)).isTrue();
    }

    @Test
    void refusesSkipsAndWayBackFromTheEnd() {
        assertThat(TourStatus.DRAFT.canBecome(TourStatus.COMPLETED)).isFalse();
        assertThat(TourStatus.PUBLISHED.canBecome(TourStatus.DRAFT)).isFalse();
        assertThat(TourStatus.CANCELLED.canBecome(TourStatus.PUBLISHED)).isFalse();
        assertThat(TourStatus.COMPLETED.canBecome(TourStatus.CANCELLED)).isFalse();
    }
}
