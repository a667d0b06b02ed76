package no.studietur.web;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service with its own configuration file name ({@code catalog.yml}, not {@code application.yml}), so
 * that several services can share one classpath: the end-to-end tests run all four in one JVM.
 */
public final class ServiceApplication {

    private ServiceApplication() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        return new SpringApplicationBuilder(application).properties("spring.config.name=" + configName).run(args);
    }
}
