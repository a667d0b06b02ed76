package no.studietur.notification.tour;

import java.time.Duration;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.studietur.contracts.tour.TourSnapshot;

/**
 * What the e-mails tell about a tour beyond its summary: the program with venues and speakers, what is included
 * and excluded, recommended flights and the tour leader. Kept from the catalog's tour events, which arrive in
 * order (one topic, keyed by tour), so the last snapshot simply replaces the one before.
 *
 * <p>Every occasion looks its tour up, three times per registration, and reading and mapping the whole program
 * took a twentieth of this service's CPU under load, for documents that change a few times in a tour's life. So
 * the programs read are kept for {@link #KEPT_FOR}: an update this instance consumes replaces its copy at once, one
 * another instance consumed reaches it within that time.
 */
@Component
public class TourPrograms {

    static final Duration KEPT_FOR = Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final Cache<String, Optional<TourSnapshot>> read = Caffeine.newBuilder().expireAfterWrite(KEPT_FOR)
            .maximumSize(1_000).build();

    TourPrograms(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("tours")
    record KnownTour(@Id String id, TourSnapshot tour) {
    }

    public void remember(String tourId, TourSnapshot tour) {
        mongo.upsert(Query.query(Criteria.where("_id").is(tourId)), Update.update("tour", tour), KnownTour.class);
        // after the write: a look-up under way meanwhile may have read the old program, and is dropped with it
        read.invalidate(tourId);
    }

    public Optional<TourSnapshot> find(String tourId) {
        return read.get(tourId, id -> Optional.ofNullable(mongo.findById(id, KnownTour.class)).map(KnownTour::tour));
    }
}
