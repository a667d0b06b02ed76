package no.studietur.catalog.seat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the catalog decided for one registration, in a document of its own: the seats it holds, its place in the
 * waiting list, or that it was refused or cancelled. Entries are never deleted, so a redelivered registration
 * is recognised even after it was cancelled.
 *
 * <p>{@code version} is the tour version whose write decided this state; an older state never overwrites a newer
 * one. {@code queuedAt} orders the waiting list: the tour version at which the registration was decided.
 */
@Document(SeatEntry.COLLECTION)
public record SeatEntry(@Id String registrationId, @Indexed String tourId, State state, List<String> participantIds,
                        boolean promotedFromWaitlist, long queuedAt, long version) {

    public static final String COLLECTION = "seats";
    /** The tour document's field with the entries its last seat write changed (see {@link SeatLedger}). */
    public static final String IN_TOUR = "seatChanges";

    public enum State { RESERVED, WAITING, REJECTED, CANCELLED }

    public SeatEntry {
        participantIds = List.copyOf(participantIds);
    }

    /** The reservations among {@code entries} and the waiting list in order, with the tour's counters. */
    public static SeatInventory inventory(SeatCount count, List<SeatEntry> entries) {
        return new SeatInventory(count.capacity(), count.taken(), count.waitingCount(),
                entries.stream().filter(entry -> entry.state == State.RESERVED)
                        .map(entry -> new SeatInventory.Reservation(entry.registrationId, entry.participantIds,
                                entry.promotedFromWaitlist)).toList(),
                entries.stream().filter(entry -> entry.state == State.WAITING)
                        .sorted(Comparator.comparingLong(SeatEntry::queuedAt))
                        .map(entry -> new SeatInventory.WaitingRegistration(entry.registrationId, entry.participantIds))
                        .toList());
    }

    /**
     * The entries whose state differs in {@code after}, an inventory computed from {@code before}, stamped with
     * the tour version that writes them. An entry missing from {@code after} was cancelled.
     */
    public static List<SeatEntry> rewritten(List<SeatEntry> before, SeatInventory after, long version) {
        Map<String, SeatEntry> next = new LinkedHashMap<>();
        before.forEach(entry -> next.put(entry.registrationId, entry.in(State.CANCELLED, entry.participantIds,
                entry.promotedFromWaitlist, version)));
        for (SeatInventory.Reservation reservation : after.reservations()) {
            next.computeIfPresent(reservation.registrationId(), (id, entry) -> entry.in(State.RESERVED,
                    reservation.participantIds(), reservation.promotedFromWaitlist(), version));
        }
        for (SeatInventory.WaitingRegistration waiting : after.waitlist()) {
            next.computeIfPresent(waiting.registrationId(), (id, entry) -> entry.in(State.WAITING,
                    waiting.participantIds(), false, version));
        }
        List<SeatEntry> changed = new ArrayList<>();
        for (SeatEntry entry : before) {
            SeatEntry candidate = next.get(entry.registrationId);
            if (candidate.state != entry.state || !candidate.participantIds.equals(entry.participantIds)
                    || candidate.promotedFromWaitlist != entry.promotedFromWaitlist) {
                changed.add(candidate);
            }
        }
        return changed;
    }

    private SeatEntry in(State nextState, List<String> participants, boolean promoted, long atVersion) {
        return new SeatEntry(registrationId, tourId, nextState, participants, promoted, queuedAt, atVersion);
    }
}
