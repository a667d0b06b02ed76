package no.studietur.catalog.seat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seats of one tour as a cancellation or a capacity change sees them: the counters, the reservations
 * concerned and the whole waiting list, in order (its first entry is position 1).
 *
 * <p>The operations return a new inventory and what happened; they never change this one.
 */
public record SeatInventory(int capacity, int taken, int waitingCount, List<Reservation> reservations,
                            List<WaitingRegistration> waitlist) {

    public SeatInventory {
        reservations = List.copyOf(reservations);
        waitlist = List.copyOf(waitlist);
    }

    public SeatCount count() {
        return new SeatCount(capacity, taken, waitingCount);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - taken);
    }

    public record Reservation(String registrationId, List<String> participantIds, boolean promotedFromWaitlist) {
    }

    public record WaitingRegistration(String registrationId, List<String> participantIds) {
    }

    /** What an operation did, in order: seats released, then waiting registrations promoted. */
    public sealed interface Outcome {
        record Released(String registrationId, List<String> participantIds, int seatsLeft) implements Outcome {
        }

        record Promoted(String registrationId, int seats, int seatsLeft) implements Outcome {
        }
    }

    public record Change(SeatInventory inventory, List<Outcome> outcomes) {

        public boolean changedAnything() {
            return !outcomes.isEmpty();
        }
    }

    /**
     * Cancels participants of a registration (all of them when {@code participantIds} is empty), whether it holds
     * seats or waits, then promotes whoever now fits. Participants not (or no longer) in the registration are
     * ignored, so cancelling twice changes nothing the second time.
     */
    public Change cancel(String registrationId, List<String> participantIds) {
        List<Reservation> keptReservations = new ArrayList<>();
        List<WaitingRegistration> keptWaiting = new ArrayList<>();
        List<String> released = new ArrayList<>();
        int freed = 0;
        for (Reservation reservation : reservations) {
            if (!reservation.registrationId().equals(registrationId)) {
                keptReservations.add(reservation);
                continue;
            }
            List<String> staying = remaining(reservation.participantIds(), participantIds);
            freed = reservation.participantIds().size() - staying.size();
            released.addAll(reservation.participantIds().stream().filter(id -> !staying.contains(id)).toList());
            if (!staying.isEmpty()) {
                keptReservations.add(new Reservation(registrationId, staying, reservation.promotedFromWaitlist()));
            }
        }
        for (WaitingRegistration waiting : waitlist) {
            if (!waiting.registrationId().equals(registrationId)) {
                keptWaiting.add(waiting);
                continue;
            }
            List<String> staying = remaining(waiting.participantIds(), participantIds);
            released.addAll(waiting.participantIds().stream().filter(id -> !staying.contains(id)).toList());
            if (!staying.isEmpty()) {
                keptWaiting.add(new WaitingRegistration(registrationId, staying));
            }
        }
        if (released.isEmpty()) {
            return new Change(this, List.of());
        }
        SeatInventory after = new SeatInventory(capacity, taken - freed, keptWaiting.size(), keptReservations,
                keptWaiting);
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(new Outcome.Released(registrationId, released, after.seatsLeft()));
        return after.promoteInto(outcomes);
    }

    /** Sets the capacity; never below the seats taken. An increase promotes whoever now fits. */
    public Change withCapacity(int newCapacity) {
        if (newCapacity < taken) {
            throw new IllegalArgumentException("Capacity " + newCapacity + " is below the " + taken + " seats taken");
        }
        return new SeatInventory(newCapacity, taken, waitingCount, reservations, waitlist)
                .promoteInto(new ArrayList<>());
    }

    /**
     * Promotes waiting registrations in order: each time the first one whose whole party fits, skipping those
     * that do not, until none fits.
     */
    private Change promoteInto(List<Outcome> outcomes) {
        SeatInventory current = this;
        Optional<WaitingRegistration> next;
        while ((next = current.firstThatFits()).isPresent()) {
            WaitingRegistration promoted = next.get();
            List<Reservation> seated = new ArrayList<>(current.reservations);
            seated.add(new Reservation(promoted.registrationId(), promoted.participantIds(), true));
            List<WaitingRegistration> waiting = new ArrayList<>(current.waitlist);
            waiting.remove(promoted);
            current = new SeatInventory(capacity, current.taken + promoted.participantIds().size(), waiting.size(),
                    seated, waiting);
            outcomes.add(new Outcome.Promoted(promoted.registrationId(), promoted.participantIds().size(),
                    current.seatsLeft()));
        }
        return new Change(current, List.copyOf(outcomes));
    }

    private Optional<WaitingRegistration> firstThatFits() {
        return waitlist.stream().filter(waiting -> waiting.participantIds().size() <= seatsLeft()).findFirst();
    }

    private static List<String> remaining(List<String> participants, List<String> cancelled) {
        return cancelled.isEmpty() ? List.of()
                : participants.stream().filter(id -> !cancelled.contains(id)).toList();
    }
}
