package no.studietur.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * The baseline: a plain Spring Boot endpoint that parses the same JSON and answers 202, with nothing behind it.
 * Our POST accept rate is reported as a share of this one's, measured by the same client on the same machine.
 */
@SpringBootApplication
@RestController
public class PlainEndpoint {

    public static void main(String[] args) {
        SpringApplication.run(PlainEndpoint.class, args);
    }

    @PostMapping("/api/registrations")
    ResponseEntity<String> accept(@RequestBody JsonNode registration) {
        return ResponseEntity.accepted().body("{\"id\":\"" + registration.path("tourId").asString() + "\"}");
    }
}
