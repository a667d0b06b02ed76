package no.studietur.registration.registration;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.web.RequestRefused;
import no.studietur.web.WebSupportAutoConfiguration;
import org.springframework.security.core.Authentication;

@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    /** Accepts a registration for the seat decision: 202 with where to poll its status. */
    @PostMapping
    ResponseEntity<RegistrationView> place(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(examples = @ExampleObject(name = "delegation", value = EXAMPLE)))
            @Valid @RequestBody RegistrationRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestParam(required = false) Channel channel, Authentication caller) {
        boolean partner = WebSupportAutoConfiguration.hasRole(caller, WebSupportAutoConfiguration.PARTNER);
        if (channel != null && !WebSupportAutoConfiguration.hasRole(caller, WebSupportAutoConfiguration.OPERATOR)) {
            throw new RequestRefused(HttpStatus.FORBIDDEN, "Operators only",
                    "Only an operator registers on someone's behalf (channel " + channel + ")");
        }
        String recordedChannel = channel != null ? channel.name() : partner ? "PARTNER" : "API";
        Registration registration = registrations.place(request, key, recordedChannel, partner ? caller.getName() : null);
        return ResponseEntity.accepted().location(URI.create("/api/registrations/" + registration.id()))
                .body(RegistrationView.of(registration));
    }

    /** How a registration reached an operator who enters it on the customer's behalf. */
    enum Channel { PHONE, EMAIL, POST }

    static final String EXAMPLE = """
            {"tourId": "aalborg-modellen",
             "organisation": {"name": "Asker kommune", "organisationNumber": "944382038", "country": "NO"},
             "contact": {"name": "Kari Nordmann", "email": "kari@example.no", "phone": "+4790000000"},
             "invoice": {"street": "Postboks 353", "postcode": "1372", "town": "Asker", "country": "NO",
                         "buyerReference": "4100-ELDRE", "delivery": "EHF"},
             "participants": [{"fullName": "Ola Nordmann", "jobTitle": "Enhetsleder", "department": "Hjemmetjenesten",
                               "mobile": "+4791111111", "email": "ola@example.no", "dietaryNeeds": "glutenfri",
                               "language": "nb"}],
             "heardAbout": "Nyhetsbrev", "acceptedTerms": true}""";

    record CancellationBody(List<@NotBlank String> participantIds) {
    }

    /** Cancels some participants, or the whole registration when none are named; the fee follows the policy. */
    @PostMapping("/{id}/cancellation")
    ResponseEntity<RegistrationView> cancel(@PathVariable String id,
                                            @Valid @RequestBody(required = false) CancellationBody body) {
        List<String> participantIds = body == null || body.participantIds() == null ? List.of() : body.participantIds();
        return ResponseEntity.accepted().body(RegistrationView.of(registrations.requestCancellation(id, participantIds)));
    }

    /** A colleague takes a participant's place (same seat, no fee). */
    @PutMapping("/{id}/participants/{participantId}")
    RegistrationView substitute(@PathVariable String id, @PathVariable String participantId,
                                @Valid @RequestBody RegistrationRequest.Participant colleague) {
        return RegistrationView.of(registrations.substitute(id, participantId, colleague));
    }

    @ExceptionHandler(Registration.Refused.class)
    ResponseEntity<ProblemDetail> refused(Registration.Refused refused) {
        HttpStatus status = refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
        problem.setTitle(refused.conflict() ? "Not allowed now" : "Invalid request");
        return ResponseEntity.status(status).body(problem);
    }

    @GetMapping("/{id}")
    RegistrationView get(@PathVariable String id) {
        return registrations.find(id).map(RegistrationView::of)
                .orElseThrow(() -> RequestRefused.notFound("Registration " + id));
    }
}
