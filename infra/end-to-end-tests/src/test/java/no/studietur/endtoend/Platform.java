package no.studietur.endtoend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import no.studietur.billing.BillingApplication;
import no.studietur.catalog.CatalogApplication;
import no.studietur.notification.NotificationApplication;
import no.studietur.registration.RegistrationApplication;
import no.studietur.testsupport.TestInfrastructure;

/** The four services started in this JVM, each with its own configuration, database and a free port. */
final class Platform implements AutoCloseable {

    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();

    /** One platform for all end-to-end tests of the JVM: starting four services takes a while. */
    static Platform shared() {
        return Shared.PLATFORM;
    }

    private static final class Shared {
        private static final Platform PLATFORM = start();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(PLATFORM::close, "platform-shutdown"));
        }
    }

    private static Platform start() {
        Platform platform = new Platform();
        platform.run("catalog", CatalogApplication.class, CatalogApplication.CONFIG_NAME, "studietur.demo-data.enabled=true");
        // The test polls fast from one address; the public rate limit is tested in the registration service.
        platform.run("registration", RegistrationApplication.class, RegistrationApplication.CONFIG_NAME,
                "studietur.registration.rate-limit.address-per-second=100000");
        platform.run("billing", BillingApplication.class, BillingApplication.CONFIG_NAME);
        platform.run("notification", NotificationApplication.class, NotificationApplication.CONFIG_NAME);
        return platform;
    }

    private void run(String name, Class<?> application, String configName, String... extra) {
        // Command-line arguments, not builder properties: those are only defaults that the service's file overrides.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        TestInfrastructure.get().springProperties("e2e-" + name)
                .forEach((key, value) -> arguments.add("--" + key + "=" + value));
        List.of(extra).forEach(property -> arguments.add("--" + property));
        services.put(name, new SpringApplicationBuilder(application).properties("spring.config.name=" + configName)
                .run(arguments.toArray(String[]::new)));
    }

    int port(String service) {
        return Integer.parseInt(services.get(service).getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        services.values().forEach(ConfigurableApplicationContext::close);
    }
}
