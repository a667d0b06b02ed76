package no.studietur.catalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import no.studietur.web.ServiceApplication;

@SpringBootApplication
@EnableScheduling
public class CatalogApplication {

    public static final String CONFIG_NAME = "catalog";

    public static void main(String[] args) {
        ServiceApplication.run(CatalogApplication.class, CONFIG_NAME, args);
    }
}
