package no.studietur.registration.registration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;

/**
 * A binding registration: who comes, who pays, and the tour and cancellation policy as they stood when it was
 * placed. Pending events ({@code outbox}) and consumed event ids ({@code handledEvents}) live in the same
 * document and are written with every change.
 */
@Document("registrations")
public record Registration(@Id String id, @Indexed String tourId, RegistrationStatus status,
                           RegistrationDetails details, String channel, TourSummary tour,
                           CancellationPolicy agreedPolicy, Integer waitlistPosition, String rejectionReason,
                           Instant placedAt, Instant decidedAt, @Indexed(unique = true, sparse = true) String idempotencyKey,
                           String requestFingerprint, long version) {
}
