package no.studietur.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import no.studietur.contracts.Topics;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked against what the services really
 * use: ports, database names and users, topics. Where the docker-compose binary exists (CI installs it) the file
 * is also validated by it.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("../..");
    private static final Map<String, Object> COMPOSE = load(ROOT.resolve("docker-compose.yml"));
    private static final Pattern MONGO_URI = Pattern.compile("mongodb://(\\w+):[^@]+@mongo:27017/(\\w+)\\?.*authSource=(\\w+).*");

    @ParameterizedTest
    @CsvSource({"registration-service, registration", "tour-catalog-service, catalog", "billing-service, billing",
            "notification-service, notification"})
    void eachServiceRunsOnItsConfiguredPortWithItsOwnDatabaseAndUser(String service, String configName) throws IOException {
        Map<String, String> config = flatten(classpathYaml(configName + ".yml"));
        Map<String, Object> compose = map(map(COMPOSE.get("services")).get(service));
        String port = config.get("server.port");

        assertThat(compose.get("ports")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(port + ":" + port);
        assertThat(map(compose.get("healthcheck")).get("test").toString())
                .contains("http://localhost:" + port + "/actuator/health/readiness");

        String database = URI.create(config.get("spring.mongodb.uri")).getPath().substring(1);
        Matcher uri = MONGO_URI.matcher(map(compose.get("environment")).get("SPRING_MONGODB_URI").toString());
        assertThat(uri.matches()).isTrue();
        assertThat(List.of(uri.group(1), uri.group(2), uri.group(3))).containsOnly(database);
        assertThat(Files.readString(ROOT.resolve("infra/docker/mongo-init.js"))).contains("  " + database + ": process.env.");
        assertThat(map(map(COMPOSE.get("services")).get("mongo")).get("environment").toString())
                .contains(database.toUpperCase() + "_DB_PASSWORD");
        assertThat(map(map(compose.get("build")).get("args")).get("SERVICE")).isEqualTo(service);
    }

    @Test
    void composeCreatesExactlyThePlatformsTopics() throws IOException {
        String command = map(map(COMPOSE.get("services")).get("kafka-topics")).get("command").toString();
        Matcher loop = Pattern.compile("for topic in ([\\w ]+); do").matcher(command);
        assertThat(loop.find()).isTrue();
        List<String> platformTopics = Arrays.stream(Topics.class.getFields()).map(field -> {
            try {
                return (String) field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(loop.group(1).trim().split(" ")).containsExactlyInAnyOrderElementsOf(platformTopics);
        for (String configName : List.of("registration", "catalog", "billing", "notification")) {
            String consumed = flatten(classpathYaml(configName + ".yml")).get("spring.cloud.stream.bindings.events-in-0.destination");
            assertThat(platformTopics).containsAll(Arrays.asList(consumed.split(",")));
        }
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        boolean required = "1".equals(System.getenv("STUDIETUR_REQUIRE_COMPOSE"));
        boolean available = Files.isExecutable(Path.of("/usr/bin/docker-compose"));
        assertThat(available || !required).as("docker-compose must be installed where STUDIETUR_REQUIRE_COMPOSE=1").isTrue();
        if (available) {
            Process process = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                    .directory(ROOT.toFile()).redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> classpathYaml(String resource) throws IOException {
        try (InputStream in = ComposeFileTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Yaml().load(in);
        }
    }

    /** Dotted keys, as Spring reads them, whether the file nests them or writes them dotted. */
    private static Map<String, String> flatten(Map<String, Object> yaml) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, Object> yaml, Map<String, String> flat) {
        yaml.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path, map(nested), flat);
            } else {
                flat.put(path, String.valueOf(value));
            }
        });
    }
}
