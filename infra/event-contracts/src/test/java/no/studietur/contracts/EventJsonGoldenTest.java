package no.studietur.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.studietur.contracts.registration.RegistrationPlaced;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of every event type is part of the contract with other teams (finance reads the billing topic).
 * These tests fail when a change would alter the wire form. After an intended, compatible change, regenerate
 * the files with {@code -Dgolden.write=true} and review the diff.
 */
class EventJsonGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final JsonMapper TREE = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void writesTheGoldenJson(EventType type) throws IOException {
        byte[] written = EventJson.write(SampleEvents.of(type));
        Path file = goldenFile(type);
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(file, TREE.writerWithDefaultPrettyPrinter().writeValueAsString(TREE.readTree(written)) + "\n");
        }
        assertThat(TREE.readTree(written)).isEqualTo(TREE.readTree(Files.readAllBytes(file)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readsTheGoldenJsonBackToTheSameEvent(EventType type) throws IOException {
        byte[] golden = Files.readAllBytes(goldenFile(type));
        assertThat(EventJson.read(golden, type)).isEqualTo(SampleEvents.of(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ignoresFieldsItDoesNotKnow(EventType type) throws IOException {
        ObjectNode extended = goldenTree(type);
        extended.put("addedByANewerProducer", "ignored");
        extended.putObject("nestedAddition").put("level", 2);
        JsonNode firstObjectField = extended.properties().stream()
                .map(Map.Entry::getValue).filter(JsonNode::isObject).findFirst().orElse(null);
        if (firstObjectField instanceof ObjectNode nested) {
            nested.put("alsoNew", true);
        }
        assertThat(EventJson.read(TREE.writeValueAsBytes(extended), type)).isEqualTo(SampleEvents.of(type));
    }

    /** RegistrationPlaced carries the tour since December 2026; events placed before read with none. */
    @Test
    void readsARegistrationPlacedFromBeforeItCarriedTheTour() throws IOException {
        EventType type = EventType.REGISTRATION_PLACED;
        ObjectNode earlier = goldenTree(type);
        earlier.remove("tour");
        RegistrationPlaced sample = (RegistrationPlaced) SampleEvents.of(type);

        assertThat(EventJson.read(TREE.writeValueAsBytes(earlier), type)).isEqualTo(new RegistrationPlaced(
                sample.registrationId(), sample.tourId(), null, sample.details(), sample.channel(), sample.placedAt()));
    }

    private static ObjectNode goldenTree(EventType type) throws IOException {
        return (ObjectNode) TREE.readTree(Files.readAllBytes(goldenFile(type)));
    }

    private static Path goldenFile(EventType type) {
        return GOLDEN.resolve(type.ceType() + ".json");
    }
}
