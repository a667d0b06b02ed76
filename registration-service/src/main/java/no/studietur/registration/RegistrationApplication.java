package no.studietur.registration;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import no.studietur.web.ServiceApplication;

@SpringBootApplication
public class RegistrationApplication {

    public static final String CONFIG_NAME = "registration";

    public static void main(String[] args) {
        ServiceApplication.run(RegistrationApplication.class, CONFIG_NAME, args);
    }
}
