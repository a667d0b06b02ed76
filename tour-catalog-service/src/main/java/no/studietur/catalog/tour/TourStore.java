package no.studietur.catalog.tour;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import no.studietur.messaging.OutboxRelay;
import no.studietur.messaging.VersionedDocuments;

/** Changes a tour document as a whole, one version-guarded write at a time (see {@link VersionedDocuments}). */
@Component
public class TourStore {

    private final VersionedDocuments<Tour> tours;

    TourStore(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.tours = new VersionedDocuments<>(mongo, relay, clock, Tour.class, Tour::version);
    }

    /**
     * Applies {@code decide} to the current tour; an empty answer means nothing to change. Returns the tour as
     * stored afterwards, or empty when there is no such tour.
     */
    public Optional<Tour> change(String tourId, Function<Tour, Optional<VersionedDocuments.Next<Tour>>> decide) {
        return tours.change(tourId, decide);
    }
}
