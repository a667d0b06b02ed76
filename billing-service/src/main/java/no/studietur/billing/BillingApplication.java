package no.studietur.billing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import no.studietur.web.ServiceApplication;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BillingApplication {

    public static final String CONFIG_NAME = "billing";

    public static void main(String[] args) {
        ServiceApplication.run(BillingApplication.class, CONFIG_NAME, args);
    }
}
