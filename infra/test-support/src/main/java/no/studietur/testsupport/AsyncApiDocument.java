package no.studietur.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.Yaml;

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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
