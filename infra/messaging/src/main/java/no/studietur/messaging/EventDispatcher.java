package no.studietur.messaging;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;

/**
 * Turns CloudEvents records into typed events and hands each to the handler registered for its type. A service
 * exposes one as its Spring Cloud Stream consumer function. Types without a handler (another service's
 * concern, or a newer version) are skipped. While the store is unreachable the handler is retried in place for as
 * long as the outage lasts: the record is fine, and dead-lettering it would lose a step of the saga. Any other
 * exception goes back to the binder, which retries a few times and then dead-letters the record.
 */
public final class EventDispatcher implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<EventType, Consumer<ReceivedEvent<?>>> handlers;

    private EventDispatcher(Map<EventType, Consumer<ReceivedEvent<?>>> handlers) {
        this.handlers = handlers;
    }

    /** The event types this consumer acts on; the rest it skips. */
    public Set<EventType> handledTypes() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void accept(Message<byte[]> message) {
        Map<String, Object> headers = message.getHeaders();
        String id = CloudEventHeaders.text(headers, CloudEventHeaders.ID);
        String ceType = CloudEventHeaders.text(headers, CloudEventHeaders.TYPE);
        EventType type = ceType == null ? null : EventType.fromCeType(ceType).orElse(null);
        Consumer<ReceivedEvent<?>> handler = type == null ? null : handlers.get(type);
        if (handler == null) {
            log.debug("Skipping event {} of type {}", id, ceType);
            return;
        }
        if (id == null) {
            throw new IllegalArgumentException("Event of type " + ceType + " has no ce_id");
        }
        DomainEvent data = EventJson.read(message.getPayload(), type);
        ReceivedEvent<DomainEvent> event = new ReceivedEvent<>(id, type,
                CloudEventHeaders.text(headers, CloudEventHeaders.SOURCE),
                CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT), CloudEventHeaders.time(headers), data);
        try (var eventId = MDC.putCloseable("eventId", id);
             var eventType = MDC.putCloseable("eventType", type.name());
             var tourId = MDC.putCloseable("tourId", data.tourId());
             var registrationId = MDC.putCloseable("registrationId", data.registrationId())) {
            // Handlers are idempotent, so a step that failed for want of a store can simply run again. The partition
            // waits meanwhile; should the outage outlast the poll interval, the record comes again, which is harmless.
            StoreOutage.waitOut("handling event " + id, () -> handler.accept(event));
        }
    }

    public static final class Builder {

        private final Map<EventType, Consumer<ReceivedEvent<?>>> handlers = new EnumMap<>(EventType.class);

        /** Registers the handler of one event type. */
        @SuppressWarnings("unchecked")
        public <T extends DomainEvent> Builder on(Class<T> eventClass, Consumer<ReceivedEvent<T>> handler) {
            handlers.put(EventType.of(eventClass), event -> handler.accept((ReceivedEvent<T>) event));
            return this;
        }

        public EventDispatcher build() {
            return new EventDispatcher(new EnumMap<>(handlers));
        }
    }
}
