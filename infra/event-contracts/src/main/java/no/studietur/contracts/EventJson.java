package no.studietur.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of event data. Unknown fields are ignored so that a producer may add optional fields
 * without breaking older consumers; missing fields stay null.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    public static byte[] write(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <T extends DomainEvent> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static DomainEvent read(byte[] json, EventType type) {
        return read(json, type.payloadClass());
    }
}
