package no.studietur.registration.registration;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.web.RequestRefused;

@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /** Accepts a registration for the seat decision: 202 with where to poll its status. */
    @PostMapping
    ResponseEntity<RegistrationView> place(@Valid @RequestBody RegistrationRequest request,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Registration registration = registrations.place(request, key, "API");
        return ResponseEntity.accepted().location(URI.create("/api/registrations/" + registration.id()))
                .body(RegistrationView.of(registration));
    }

    @GetMapping("/{id}")
    RegistrationView get(@PathVariable String id) {
        return registrations.find(id).map(RegistrationView::of)
                .orElseThrow(() -> RequestRefused.notFound("Registration " + id));
    }
}
