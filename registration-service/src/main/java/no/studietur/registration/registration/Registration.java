package no.studietur.registration.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;

/**
 * A binding registration: who comes, who pays, and the tour and cancellation policy as they stood when it was
 * placed. Pending events ({@code outbox}) and consumed event ids ({@code handledEvents}) live in the same
 * document and are written with every change. The lifecycle rules below are plain Java.
 */
@Document("registrations")
public record Registration(@Id String id, @Indexed String tourId, RegistrationStatus status,
                           RegistrationDetails details, String channel, @Indexed String partnerId, TourSummary tour,
                           CancellationPolicy agreedPolicy, Integer waitlistPosition, String rejectionReason,
                           Instant placedAt, Instant decidedAt, @Indexed(unique = true, sparse = true) String idempotencyKey,
                           String requestFingerprint, List<CancellationRequest> cancellationRequests,
                           List<String> cancelledParticipantIds, List<Substitution> substitutions, long version) {

    /** The states in which a registration still holds or awaits seats, and may change. */
    public static final Set<RegistrationStatus> ACTIVE =
            Set.of(RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);

    public Registration {
        cancellationRequests = cancellationRequests == null ? List.of() : List.copyOf(cancellationRequests);
        cancelledParticipantIds = cancelledParticipantIds == null ? List.of() : List.copyOf(cancelledParticipantIds);
        substitutions = substitutions == null ? List.of() : List.copyOf(substitutions);
    }

    /** A customer's request to cancel participants, kept until the catalog has released their seats. */
    public record CancellationRequest(List<String> participantIds, Instant requestedAt) {
    }

    /** The audit trail of a colleague taking a participant's place. */
    public record Substitution(String participantId, Participant previous, Participant replacement, Instant at) {
    }

    /** A lifecycle rule said no; {@code conflict} when the state forbids it, otherwise the request is wrong. */
    public static final class Refused extends RuntimeException {
        private final boolean conflict;

        Refused(boolean conflict, String message) {
            super(message);
            this.conflict = conflict;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    public boolean active() {
        return ACTIVE.contains(status);
    }

    /** The participants still coming: not cancelled and not waiting for their cancellation. */
    public List<Participant> activeParticipants() {
        List<String> leaving = new ArrayList<>(cancelledParticipantIds);
        cancellationRequests.forEach(request -> leaving.addAll(request.participantIds()));
        return details.participants().stream().filter(participant -> !leaving.contains(participant.participantId()))
                .toList();
    }

    /**
     * Which participants a cancellation covers: all still coming when none are named. Refused for a
     * registration no longer active, for unknown or already cancelled participants.
     */
    public List<String> participantsToCancel(List<String> named) {
        if (!active()) {
            throw new Refused(true, "A " + status + " registration cannot be cancelled");
        }
        List<String> coming = activeParticipants().stream().map(Participant::participantId).toList();
        if (named == null || named.isEmpty()) {
            if (coming.isEmpty()) {
                throw new Refused(true, "Every participant's cancellation is already under way");
            }
            return coming;
        }
        List<String> unknown = named.stream().filter(id -> !coming.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new Refused(false, "Not participants still coming: " + unknown);
        }
        return List.copyOf(new LinkedHashSet<>(named));
    }

    /** The registration with {@code participantId} replaced by a colleague, who keeps the seat. */
    public RegistrationDetails withSubstitute(String participantId, Participant colleague) {
        if (!active()) {
            throw new Refused(true, "A " + status + " registration cannot change participants");
        }
        if (agreedPolicy == null || !agreedPolicy.substitutionAllowed()) {
            throw new Refused(true, "This tour does not allow a colleague to take a place");
        }
        if (activeParticipants().stream().noneMatch(participant -> participant.participantId().equals(participantId))) {
            throw new Refused(false, "No participant " + participantId + " still coming");
        }
        return details.replacing(participantId, colleague);
    }

    public Participant participant(String participantId) {
        return details.participants().stream().filter(participant -> participant.participantId().equals(participantId))
                .findFirst().orElseThrow(() -> new Refused(false, "No participant " + participantId));
    }

    /** When the cancellation of these participants was asked for (the moment the fee is measured from). */
    public Instant requestedAt(List<String> participantIds) {
        return cancellationRequests.stream()
                .filter(request -> request.participantIds().stream().anyMatch(participantIds::contains))
                .map(CancellationRequest::requestedAt).min(Instant::compareTo).orElse(null);
    }

    /** Whether cancelling these participants leaves nobody. */
    public boolean cancelsEveryone(List<String> participantIds) {
        List<String> cancelled = new ArrayList<>(cancelledParticipantIds);
        cancelled.addAll(participantIds);
        return details.participants().stream().allMatch(participant -> cancelled.contains(participant.participantId()));
    }
}
