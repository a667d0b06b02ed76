package no.studietur.registration.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per tour, the registrations this instance placed whose seat decision it has not seen yet. The catalog decides one
 * tour's seats one after another (on the tour's partition, which keeps its waiting list in order), so however many
 * a tour takes in during a rush, they are settled only as fast as those decisions go. Beyond {@code limit}
 * undecided registrations a tour takes no more until some are decided: the caller hears at once that it should
 * come back, instead of joining a queue that would outgrow the time it is meant to wait.
 *
 * <p>Only this instance's registrations count, and one whose decision it never sees (read by another instance, or
 * placed before a restart) stops counting after {@code forgetAfter}: where it is unsure, the bound admits.
 */
final class UndecidedRegistrations {

    private final int limit;
    private final Duration forgetAfter;
    private final Clock clock;
    /** Per tour, registration id to when it was admitted, oldest first. */
    private final Map<String, LinkedHashMap<String, Instant>> byTour = new ConcurrentHashMap<>();

    public UndecidedRegistrations(int limit, Duration forgetAfter, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("A tour must take at least one undecided registration, not " + limit);
        }
        this.limit = limit;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /** Counts the registration as waiting for its decision, unless its tour already has {@code limit} that do. */
    public boolean tryAdmit(String tourId, String registrationId) {
        Instant now = clock.instant();
        boolean[] admitted = {false};
        byTour.compute(tourId, (tour, undecided) -> {
            LinkedHashMap<String, Instant> waiting = undecided == null ? new LinkedHashMap<>() : undecided;
            forgetOlderThan(waiting, now.minus(forgetAfter));
            if (waiting.size() < limit) {
                waiting.put(registrationId, now);
                admitted[0] = true;
            }
            return waiting.isEmpty() ? null : waiting;
        });
        return admitted[0];
    }

    /** The registration no longer waits: the catalog decided on it, or it was never stored. */
    public void release(String tourId, String registrationId) {
        byTour.computeIfPresent(tourId, (tour, waiting) -> {
            waiting.remove(registrationId);
            return waiting.isEmpty() ? null : waiting;
        });
    }

    public int limit() {
        return limit;
    }

    private static void forgetOlderThan(LinkedHashMap<String, Instant> waiting, Instant oldest) {
        for (Iterator<Instant> admittedAt = waiting.values().iterator(); admittedAt.hasNext(); ) {
            if (!admittedAt.next().isBefore(oldest)) {
                return;
            }
            admittedAt.remove();
        }
    }
}
