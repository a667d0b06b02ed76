package no.studietur.notification.tour;

import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import no.studietur.contracts.tour.TourSnapshot;

/**
 * What the e-mails tell about a tour beyond its summary: the program with venues and speakers, what is included
 * and excluded, recommended flights and the tour leader. Kept from the catalog's tour events, which arrive in
 * order (one topic, keyed by tour), so the last snapshot simply replaces the one before.
 */
@Component
public class TourPrograms {

    private final MongoTemplate mongo;

    TourPrograms(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("tours")
    record KnownTour(@Id String id, TourSnapshot tour) {
    }

    public void remember(String tourId, TourSnapshot tour) {
        mongo.upsert(Query.query(Criteria.where("_id").is(tourId)), Update.update("tour", tour), KnownTour.class);
    }

    public Optional<TourSnapshot> find(String tourId) {
        return Optional.ofNullable(mongo.findById(tourId, KnownTour.class)).map(KnownTour::tour);
    }
}
