package no.studietur.registration.tour;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import no.studietur.contracts.tour.TourCancelled;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.contracts.tour.TourUpdated;

/**
 * Keeps the tour read model. Events of one tour arrive in order (one partition per tour), and each event
 * sets the state it describes, so applying one twice leaves the same result.
 */
@Service
public class TourReadModels {

    private final MongoTemplate mongo;

    TourReadModels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<TourReadModel> find(String tourId) {
        return Optional.ofNullable(mongo.findById(tourId, TourReadModel.class));
    }

    public void apply(TourPublished event) {
        mongo.save(new TourReadModel(event.tourId(), event.tour(), event.publishedAt()));
    }

    public void apply(TourUpdated event) {
        mongo.save(new TourReadModel(event.tourId(), event.tour(), event.updatedAt()));
    }

    public void apply(TourRegistrationClosed event) {
        setStatus(event.tourId(), "REGISTRATION_CLOSED");
    }

    public void apply(TourCancelled event) {
        setStatus(event.tourId(), "CANCELLED");
    }

    private void setStatus(String tourId, String status) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(tourId)), Update.update("tour.status", status),
                TourReadModel.class);
    }
}
