package no.studietur.billing.invoice;

import java.time.Instant;

/**
 * A colleague took a participant's place: the line keeps its price and only names the new participant.
 * {@code causeEventId} is the ParticipantSubstituted event, so a redelivery is recognised.
 */
public record Substitution(String participantId, String previousName, String replacementName, Instant at,
                           String causeEventId) {
}
