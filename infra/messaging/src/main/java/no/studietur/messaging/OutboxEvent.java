package no.studietur.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;

/**
 * An event waiting inside its aggregate document until the relay has published it. It is written in the same
 * single-document update as the state change that caused it, so the two cannot come apart. The data is kept as
 * the exact JSON that will be published; {@code eventId} becomes {@code ce_id}, the consumers' idempotency key.
 */
public record OutboxEvent(String eventId, String type, String topic, String key, String subject, Instant time,
                          String data) {

    public static OutboxEvent of(DomainEvent event, Instant time) {
        EventType type = EventType.of(event);
        return new OutboxEvent(UUID.randomUUID().toString(), type.ceType(), type.topic(), event.tourId(),
                event.subject(), time, new String(EventJson.write(event), StandardCharsets.UTF_8));
    }
}
