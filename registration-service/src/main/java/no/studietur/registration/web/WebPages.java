package no.studietur.registration.web;

import java.time.Clock;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.studietur.registration.registration.Registration;
import no.studietur.registration.registration.RegistrationRequest;
import no.studietur.registration.registration.RegistrationService;
import no.studietur.registration.registration.RegistrationStatus;
import no.studietur.registration.registration.RegistrationView;
import no.studietur.registration.tour.TourReadModel;
import no.studietur.registration.tour.TourReadModels;
import no.studietur.web.InvalidFields;
import no.studietur.web.RequestRefused;

/**
 * The public pages, rendered on the server and usable without JavaScript: the tours, one tour with its program
 * and terms, the registration form, and the registration's live status.
 */
@Controller
class WebPages {

    private final TourReadModels tours;
    private final RegistrationService registrations;
    private final Validator validator;
    private final Clock clock;

    WebPages(TourReadModels tours, RegistrationService registrations, Validator validator, Clock clock) {
        this.tours = tours;
        this.registrations = registrations;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/")
    String tours(Model model) {
        model.addAttribute("tours", tours.visible());
        return "web/tours";
    }

    @GetMapping("/tours/{id}")
    String tour(@PathVariable String id, Model model) {
        TourReadModel tour = visibleTour(id);
        model.addAttribute("tour", tour);
        model.addAttribute("open", tour.openForRegistration(clock.instant()));
        return "web/tour";
    }

    @GetMapping("/tours/{id}/registration")
    String form(@PathVariable String id, Model model) {
        model.addAttribute("tour", visibleTour(id));
        model.addAttribute("form", new RegistrationForm());
        return "web/form";
    }

    /**
     * One form, several buttons: {@code add} and {@code remove} change the list of participants and show the form
     * again; {@code submit} registers, or shows the form with each error beside its field.
     */
    @PostMapping("/tours/{id}/registration")
    String submit(@PathVariable String id, @ModelAttribute("form") RegistrationForm form, BindingResult binding,
                  @RequestParam(defaultValue = "submit") String action, Model model, HttpServletResponse response) {
        TourReadModel tour = visibleTour(id);
        model.addAttribute("tour", tour);
        if (action.equals("add") && form.getParticipants().size() < 100) {
            form.getParticipants().add(new RegistrationForm.Participant());
            return "web/form";
        }
        if (action.startsWith("remove-") && form.getParticipants().size() > 1) {
            form.getParticipants().remove(Integer.parseInt(action.substring("remove-".length())));
            return "web/form";
        }
        RegistrationRequest request = form.toRequest(id);
        Set<ConstraintViolation<RegistrationRequest>> violations = validator.validate(request);
        // The constraint's name is the error code (NotBlank, Email, …): the page's messages say it in its language.
        violations.forEach(violation -> binding.rejectValue(field(violation.getPropertyPath().toString()),
                violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                violation.getMessage()));
        if (binding.hasErrors()) {
            return "web/form";
        }
        try {
            Registration registration = registrations.place(request, null, "WEB", null);
            return "redirect:/registrations/" + registration.id();
        } catch (InvalidFields invalid) {
            invalid.errors().forEach((field, message) -> binding.rejectValue(field(field), "Invalid", message));
            return "web/form";
        } catch (RequestRefused refused) {
            if (refused.status() == HttpStatus.TOO_MANY_REQUESTS) {
                // Nothing was stored: the same form, filled in, can simply be sent again.
                response.setStatus(refused.status().value());
                refused.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER,
                        String.valueOf(wait.toSeconds())));
                model.addAttribute("busy", true);
            } else {
                model.addAttribute("refusal", refused.getMessage());
            }
            return "web/form";
        }
    }

    @GetMapping("/registrations/{id}")
    String status(@PathVariable String id, Model model) {
        Registration registration = registrations.find(id)
                .orElseThrow(() -> RequestRefused.notFound("Registration " + id));
        model.addAttribute("registration", RegistrationView.of(registration));
        // Without JavaScript, the page reloads itself until the catalog has decided.
        model.addAttribute("refresh", registration.status() == RegistrationStatus.PENDING);
        return "web/registration";
    }

    @ExceptionHandler(RequestRefused.class)
    String refused(RequestRefused refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("problem", refused);
        return "web/problem";
    }

    private TourReadModel visibleTour(String id) {
        return tours.find(id).filter(TourReadModel::visible).orElseThrow(() -> RequestRefused.notFound("Tour " + id));
    }

    /** "participants[0].email" is already a form path; a list-level error goes on the list. */
    private static String field(String path) {
        return path.isEmpty() ? "participants" : path;
    }
}
