package no.studietur.catalog.seat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import no.studietur.catalog.tour.Tour;
import no.studietur.catalog.tour.TourSnapshots;
import no.studietur.catalog.tour.TourStatus;
import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.seat.SeatsRejected;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.contracts.tour.TourUpdated;
import no.studietur.web.RequestRefused;

/**
 * Seat decisions, cancellations and capacity changes. Each is one write of the tour document conditional on the
 * version it was computed from ({@link SeatLedger}): two catalog instances racing during a rebalance can never
 * both take the last seat. A registration that already has an entry is not decided again, so a redelivered
 * registration changes nothing.
 */
@Service
public class SeatService {

    private static final Logger log = LoggerFactory.getLogger(SeatService.class);
    private static final int MAX_ATTEMPTS = 50;

    private final SeatLedger ledger;
    private final Clock clock;

    SeatService(SeatLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public void decide(RegistrationPlaced registration) {
        String tourId = registration.tourId();
        String registrationId = registration.registrationId();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<SeatLedger.DecisionInput> read = ledger.decisionInput(tourId);
            if (read.isEmpty()) {
                log.warn("Registration {} names unknown tour {}; nothing to decide", registrationId, tourId);
                return;
            }
            if (ledger.entry(registrationId).isPresent()) {
                log.info("Registration {} on tour {} was already decided", registrationId, tourId);
                return;
            }
            SeatDecision.TourSeats tour = read.get().tour();
            long version = read.get().version();
            SeatDecision decision = SeatDecision.decide(tour, registration.seats(), clock.instant());
            if (ledger.write(tourId, version, decision.applyTo(tour.count()),
                    List.of(entry(registration, decision, version + 1)), List.of(event(registration, decision)))) {
                log.info("Registration {} on tour {}: {}", registrationId, tourId, decision);
                return;
            }
        }
        throw new IllegalStateException("Tour " + tourId + " kept changing; registration " + registrationId
                + " stays undecided for the retry");
    }

    /** Releases the seats of cancelled participants and promotes whoever now fits, in one write. */
    public void cancel(CancellationRequested cancellation) {
        String registrationId = cancellation.registrationId();
        Optional<Tour> tour = change(cancellation.tourId(), registrationId, seats -> {
            SeatInventory.Change change = seats.cancel(registrationId,
                    cancellation.wholeRegistration() ? List.of() : cancellation.participantIds());
            return change.changedAnything() ? Optional.of(change) : Optional.empty();
        }, next -> List.of());
        if (tour.isEmpty()) {
            log.warn("Cancellation of {} names unknown tour {}", registrationId, cancellation.tourId());
        }
    }

    /** Sets the number of seats, never below those taken; an increase promotes from the waiting list. */
    public Tour changeCapacity(String tourId, int capacity) {
        return change(tourId, null, seats -> {
            if (capacity == seats.capacity()) {
                return Optional.empty();
            }
            try {
                return Optional.of(seats.withCapacity(capacity));
            } catch (IllegalArgumentException belowTaken) {
                throw RequestRefused.notAllowedNow(belowTaken.getMessage());
            }
        }, next -> next.status() == TourStatus.DRAFT ? List.of()
                : List.of(new TourUpdated(tourId, TourSnapshots.of(next), clock.instant())))
                .orElseThrow(() -> RequestRefused.notFound("Tour " + tourId));
    }

    /**
     * Applies {@code change} to the tour's waiting list and {@code registrationId}'s entry (none: null), writes
     * the entries it rewrote with its seat events and the events {@code announce} adds for the tour after it.
     * Returns the tour as written, or as read when nothing changed; empty when there is no such tour.
     */
    private Optional<Tour> change(String tourId, String registrationId, Function<SeatInventory, Optional<SeatInventory.Change>> change,
                                  Function<Tour, List<DomainEvent>> announce) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Tour> read = ledger.tour(tourId);
            if (read.isEmpty()) {
                return read;
            }
            Tour tour = read.get();
            List<SeatEntry> entries = ledger.waitingAnd(tourId, registrationId);
            Optional<SeatInventory.Change> changed = change.apply(SeatEntry.inventory(tour.seats(), entries));
            if (changed.isEmpty()) {
                return read;
            }
            SeatInventory after = changed.get().inventory();
            Tour next = tour.withSeats(after.count());
            List<DomainEvent> events = new ArrayList<>(SeatEvents.of(tourId, changed.get().outcomes(), clock.instant()));
            events.addAll(announce.apply(next));
            if (ledger.write(tourId, tour.version(), after.count(),
                    SeatEntry.rewritten(entries, after, tour.version() + 1), events)) {
                return ledger.tour(tourId);
            }
        }
        throw new IllegalStateException("Tour " + tourId + " kept changing; try again");
    }

    private static SeatEntry entry(RegistrationPlaced registration, SeatDecision decision, long version) {
        List<String> participantIds = registration.details().participants().stream()
                .map(Participant::participantId).toList();
        SeatEntry.State state = switch (decision) {
            case SeatDecision.Reserve reserve -> SeatEntry.State.RESERVED;
            case SeatDecision.Waitlist waitlist -> SeatEntry.State.WAITING;
            case SeatDecision.Reject reject -> SeatEntry.State.REJECTED;
        };
        return new SeatEntry(registration.registrationId(), registration.tourId(), state, participantIds, false,
                version, version);
    }

    private DomainEvent event(RegistrationPlaced registration, SeatDecision decision) {
        return switch (decision) {
            case SeatDecision.Reserve reserve -> new SeatsReserved(registration.tourId(),
                    registration.registrationId(), reserve.seats(), false, reserve.seatsLeftAfter(), clock.instant());
            case SeatDecision.Waitlist waitlist -> new SeatsWaitlisted(registration.tourId(),
                    registration.registrationId(), waitlist.seats(), waitlist.position(), clock.instant());
            case SeatDecision.Reject reject -> new SeatsRejected(registration.tourId(), registration.registrationId(),
                    reject.reason(), clock.instant());
        };
    }
}
