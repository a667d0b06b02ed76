package no.studietur.notification.tour;

import java.time.Instant;
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
 * and excluded, recommended flights and the tour leader. Kept from the catalog's tour events; an older snapshot
 * arriving late never replaces a newer one.
 */
@Component
public class TourPrograms {

    private final MongoTemplate mongo;

    TourPrograms(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("tours")
    record KnownTour(@Id String id, TourSnapshot tour, Instant at) {
    }

    public void remember(String tourId, TourSnapshot tour, Instant at) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(tourId)
                .orOperator(Criteria.where("at").lt(at), Criteria.where("at").exists(false)));
        try {
            mongo.upsert(olderOrMissing, new Update().set("tour", tour).set("at", at), KnownTour.class);
        } catch (org.springframework.dao.DuplicateKeyException newerAlreadyKnown) {
            // the upsert found no older snapshot and tried to insert beside the newer one: keep the newer
        }
    }

    public Optional<TourSnapshot> find(String tourId) {
        return Optional.ofNullable(mongo.findById(tourId, KnownTour.class)).map(KnownTour::tour);
    }
}
