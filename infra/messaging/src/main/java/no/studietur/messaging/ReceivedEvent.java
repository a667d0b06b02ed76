package no.studietur.messaging;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.EventType;

/** An event as a consumer sees it: the CloudEvents attributes and the decoded data. */
public record ReceivedEvent<T extends DomainEvent>(String id, EventType type, String source, String subject,
                                                   Instant time, T data) {
}
