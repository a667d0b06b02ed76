package no.studietur.registration.registration;

import java.time.Instant;
import java.util.List;

/**
 * A registration as its id-holder sees it. The id is an unguessable UUID that works like an order secret,
 * so the answer names people but shows no contact details.
 */
public record RegistrationView(String id, String tourId, String tourTitle, RegistrationStatus status, String channel,
                               Integer waitlistPosition, String rejectionReason, String organisation,
                               List<ParticipantView> participants, Instant placedAt, Instant decidedAt) {

    /** {@code status}: COMING, CANCELLATION_REQUESTED or CANCELLED. */
    public record ParticipantView(String participantId, String fullName, String status) {
    }

    private static String participantStatus(Registration registration, String participantId) {
        if (registration.cancelledParticipantIds().contains(participantId)) {
            return "CANCELLED";
        }
        return registration.activeParticipants().stream().anyMatch(p -> p.participantId().equals(participantId))
                ? "COMING" : "CANCELLATION_REQUESTED";
    }

    public static RegistrationView of(Registration registration) {
        return new RegistrationView(registration.id(), registration.tourId(), registration.tour().title(),
                registration.status(), registration.channel(), registration.waitlistPosition(), registration.rejectionReason(),
                registration.details().organisation().name(),
                registration.details().participants().stream()
                        .map(participant -> new ParticipantView(participant.participantId(), participant.fullName(),
                                participantStatus(registration, participant.participantId())))
                        .toList(),
                registration.placedAt(), registration.decidedAt());
    }
}
