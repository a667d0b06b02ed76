package no.studietur.registration.partner;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.registration.registration.RegistrationService;
import no.studietur.registration.registration.RegistrationView;
import no.studietur.web.RequestRefused;

/** Operators onboard partners (the API key is shown once); a partner reads its own registrations. */
@RestController
@Validated
class PartnerController {

    private final PartnerService partners;
    private final RegistrationService registrations;

    PartnerController(PartnerService partners, RegistrationService registrations) {
        this.partners = partners;
        this.registrations = registrations;
    }

    record NewPartner(@NotBlank @Size(max = 200) String name) {
    }

    record PartnerView(String id, String name, Instant createdAt, String apiKey) {
    }

    @PostMapping("/api/partners")
    ResponseEntity<PartnerView> onboard(@Valid @RequestBody NewPartner request) {
        PartnerService.Onboarded onboarded = partners.onboard(request.name());
        Partner partner = onboarded.partner();
        return ResponseEntity.created(URI.create("/api/partners/" + partner.id()))
                .body(new PartnerView(partner.id(), partner.name(), partner.createdAt(), onboarded.apiKey()));
    }

    @GetMapping("/api/partners")
    List<PartnerView> list() {
        return partners.list().stream()
                .map(partner -> new PartnerView(partner.id(), partner.name(), partner.createdAt(), null)).toList();
    }

    record Page(List<RegistrationView> items, int page, int size, long total) {
    }

    @GetMapping("/api/partner/registrations")
    Page ownRegistrations(Authentication partner, @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new Page(registrations.ofPartner(partner.getName(), page, size).stream().map(RegistrationView::of).toList(),
                page, size, registrations.countOfPartner(partner.getName()));
    }

    @GetMapping("/api/partner/registrations/{id}")
    RegistrationView ownRegistration(Authentication partner, @PathVariable String id) {
        return registrations.find(id).filter(registration -> partner.getName().equals(registration.partnerId()))
                .map(RegistrationView::of).orElseThrow(() -> RequestRefused.notFound("Registration " + id));
    }
}
