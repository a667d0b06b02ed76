package no.studietur.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import no.studietur.web.ServiceApplication;

@SpringBootApplication
@EnableScheduling
public class NotificationApplication {

    public static final String CONFIG_NAME = "notification";

    public static void main(String[] args) {
        ServiceApplication.run(NotificationApplication.class, CONFIG_NAME, args);
    }
}
