package no.studietur.catalog.tour;

import java.util.Set;

/** The tour lifecycle: DRAFT → PUBLISHED → REGISTRATION_CLOSED → COMPLETED, or CANCELLED from any open state. */
public enum TourStatus {
    DRAFT, PUBLISHED, REGISTRATION_CLOSED, COMPLETED, CANCELLED;

    public boolean canBecome(TourStatus next) {
        return switch (this) {
            case DRAFT -> Set.of(PUBLISHED, CANCELLED).contains(next);
            case PUBLISHED -> Set.of(REGISTRATION_CLOSED, CANCELLED).contains(next);
            case REGISTRATION_CLOSED -> Set.of(COMPLETED, CANCELLED, PUBLISHED).contains(next);
            case COMPLETED, CANCELLED -> false;
        };
    }
}
