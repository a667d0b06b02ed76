package no.studietur.catalog.seat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import no.studietur.catalog.tour.Tour;
import no.studietur.catalog.tour.TourStore;
import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.seat.SeatsRejected;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;
import no.studietur.messaging.VersionedDocuments;

/**
 * Applies seat decisions to the tour document. Each decision is one update conditional on the version it was
 * made from and on the registration not being known yet: two catalog instances racing during a rebalance can
 * never both take the last seat, and a redelivered registration changes nothing.
 */
@Service
public class SeatService {

    private static final Logger log = LoggerFactory.getLogger(SeatService.class);
    private static final int MAX_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    private final TourStore tours;
    private final OutboxRelay relay;
    private final Clock clock;

    SeatService(MongoTemplate mongo, TourStore tours, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.tours = tours;
        this.relay = relay;
        this.clock = clock;
    }

    public void decide(RegistrationPlaced registration) {
        String tourId = registration.tourId();
        String registrationId = registration.registrationId();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Document tour = readCounters(tourId);
            if (tour == null) {
                log.warn("Registration {} names unknown tour {}; nothing to decide", registrationId, tourId);
                return;
            }
            Document seats = tour.get("seats", Document.class);
            var state = new SeatDecision.TourSeats(tour.getString("status"),
                    tour.getDate("registrationDeadline").toInstant(), seats.getInteger("capacity"),
                    seats.getInteger("taken"), seats.getInteger("waitingCount", 0));
            SeatDecision decision = SeatDecision.decide(state, registration.seats(), clock.instant());
            Query unchangedAndUndecided = Query.query(Criteria.where("_id").is(tourId)
                    .and("version").is(tour.getLong("version"))
                    .and("seats.reservations.registrationId").ne(registrationId)
                    .and("seats.waitlist.registrationId").ne(registrationId)
                    .and("seats.rejected").ne(registrationId));
            if (mongo.updateFirst(unchangedAndUndecided, apply(decision, registration), Tour.class)
                    .getModifiedCount() == 1) {
                log.info("Registration {} on tour {}: {}", registrationId, tourId, decision);
                relay.nudge("tours", tourId);
                return;
            }
            if (alreadyDecided(tourId, registrationId)) {
                log.info("Registration {} on tour {} was already decided", registrationId, tourId);
                return;
            }
        }
        throw new IllegalStateException("Tour " + tourId + " kept changing; registration " + registrationId
                + " stays undecided for the retry");
    }

    /** Releases the seats of cancelled participants and promotes whoever now fits, in one write. */
    public void cancel(CancellationRequested cancellation) {
        Optional<Tour> changed = tours.change(cancellation.tourId(), tour -> {
            SeatInventory.Change seats = tour.seats().cancel(cancellation.registrationId(),
                    cancellation.wholeRegistration() ? List.of() : cancellation.participantIds());
            return seats.changedAnything()
                    ? Optional.of(new VersionedDocuments.Next<>(tour.withSeats(seats.inventory()),
                            SeatEvents.of(tour.id(), seats.outcomes(), clock.instant())))
                    : Optional.empty();
        });
        if (changed.isEmpty()) {
            log.warn("Cancellation of {} names unknown tour {}", cancellation.registrationId(), cancellation.tourId());
        }
    }

    private Update apply(SeatDecision decision, RegistrationPlaced registration) {
        var participantIds = registration.details().participants().stream()
                .map(no.studietur.contracts.common.Participant::participantId).toList();
        Update update = new Update().inc("version", 1);
        DomainEvent event = switch (decision) {
            case SeatDecision.Reserve reserve -> {
                update.inc("seats.taken", reserve.seats()).push("seats.reservations",
                        new SeatInventory.Reservation(registration.registrationId(), participantIds, false));
                yield new SeatsReserved(registration.tourId(), registration.registrationId(), reserve.seats(), false,
                        reserve.seatsLeftAfter(), clock.instant());
            }
            case SeatDecision.Waitlist waitlist -> {
                update.inc("seats.waitingCount", 1).push("seats.waitlist",
                        new SeatInventory.WaitingRegistration(registration.registrationId(), participantIds));
                yield new SeatsWaitlisted(registration.tourId(), registration.registrationId(), waitlist.seats(),
                        waitlist.position(), clock.instant());
            }
            case SeatDecision.Reject reject -> {
                update.push("seats.rejected", registration.registrationId());
                yield new SeatsRejected(registration.tourId(), registration.registrationId(), reject.reason(),
                        clock.instant());
            }
        };
        return Outbox.append(update, clock, event);
    }

    private Document readCounters(String tourId) {
        Query query = Query.query(Criteria.where("_id").is(tourId));
        query.fields().include("status", "registrationDeadline", "version", "seats.capacity", "seats.taken",
                "seats.waitingCount");
        return mongo.findOne(query, Document.class, "tours");
    }

    private boolean alreadyDecided(String tourId, String registrationId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(tourId).orOperator(
                Criteria.where("seats.reservations.registrationId").is(registrationId),
                Criteria.where("seats.waitlist.registrationId").is(registrationId),
                Criteria.where("seats.rejected").is(registrationId))), "tours");
    }
}
