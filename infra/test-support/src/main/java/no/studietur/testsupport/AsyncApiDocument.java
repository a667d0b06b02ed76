package no.studietur.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.Yaml;

import no.studietur.contracts.EventType;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's AsyncAPI document, reduced to the CloudEvents types it says the service sends and receives. */
public record AsyncApiDocument(Set<String> sends, Set<String> receives) {

    public static AsyncApiDocument ofService() {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream("static/asyncapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            Set<String> sends = new TreeSet<>();
            Set<String> receives = new TreeSet<>();
            map(document.get("operations")).values().forEach(value -> {
                Map<String, Object> operation = map(value);
                for (Object reference : (Iterable<?>) operation.get("messages")) {
                    String name = map(reference).get("$ref").toString().replaceAll(".*/", "");
                    Object ceType = map(map(map(map(map(map(document.get("components")).get("messages")).get(name))
                            .get("headers")).get("properties")).get("ce_type")).get("const");
                    ("send".equals(operation.get("action")) ? sends : receives).add(ceType.toString());
                }
            });
            return new AsyncApiDocument(sends, receives);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless this document lists exactly the types the service handles and sends, and the running service
     * serves it together with its OpenAPI document.
     */
    public void assertDescribes(Collection<EventType> handled, Collection<EventType> sent, int port) {
        assertThat(receives).containsExactlyInAnyOrderElementsOf(handled.stream().map(EventType::ceType).toList());
        assertThat(sends).containsExactlyInAnyOrderElementsOf(sent.stream().map(EventType::ceType).toList());
        assertThat(Http.at(port).get("/asyncapi.yaml").status()).isEqualTo(200);
        assertThat(Http.at(port).get("/v3/api-docs").json().path("openapi").asString()).startsWith("3.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
