package no.studietur.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code studietur-defaults.yml}, the settings every service shares (consumer retries and dead-lettering,
 * health groups, structured logs), with the lowest precedence: a service's own file overrides any of them.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    static final String FILE = "studietur-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader().load("studietur-defaults", new ClassPathResource(FILE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
