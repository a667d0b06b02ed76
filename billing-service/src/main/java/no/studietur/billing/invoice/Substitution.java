package no.studietur.billing.invoice;

import java.time.Instant;

/** A colleague took a participant's place: the line keeps its price and only names the new participant. */
public record Substitution(String participantId, String previousName, String replacementName, Instant at) {
}
