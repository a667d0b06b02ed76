package no.studietur.catalog.tour;

import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.catalog.casestudy.CaseLibrary;
import no.studietur.catalog.seat.SeatService;
import no.studietur.web.RequestRefused;
import no.studietur.web.WebSupportAutoConfiguration;

/** Tours: anyone may list and read published ones; operators create, edit and move them through their lifecycle. */
@RestController
@RequestMapping("/api/tours")
class TourController {

    private final TourService tours;
    private final SeatService seats;
    private final CaseLibrary cases;

    TourController(TourService tours, SeatService seats, CaseLibrary cases) {
        this.tours = tours;
        this.seats = seats;
        this.cases = cases;
    }

    @GetMapping
    List<TourView> list(@RequestParam(required = false) TourKind kind,
                        @RequestParam(required = false) YearMonth month,
                        @RequestParam(required = false) String destination,
                        @RequestParam(required = false) String theme,
                        @RequestParam(required = false) Boolean seatsAvailable) {
        return tours.listVisible(new TourService.Filter(kind, month, destination, theme, seatsAvailable)).stream()
                .map(TourView::of).toList();
    }

    /** A draft is shown to operators only. */
    @GetMapping("/{id}")
    TourView get(@PathVariable String id, Authentication caller) {
        return tours.find(id).filter(tour -> tour.status() != TourStatus.DRAFT
                        || WebSupportAutoConfiguration.hasRole(caller, WebSupportAutoConfiguration.OPERATOR))
                .map(TourView::of).orElseThrow(() -> RequestRefused.notFound("Tour " + id));
    }

    @PostMapping
    ResponseEntity<TourView> create(@Valid @RequestBody TourRequest request) {
        Tour draft = tours.createDraft(checkedCases(request.toTour()));
        return ResponseEntity.created(URI.create("/api/tours/" + draft.id())).body(TourView.of(draft));
    }

    @PutMapping("/{id}")
    TourView edit(@PathVariable String id, @Valid @RequestBody TourRequest request) {
        return TourView.of(tours.edit(id, checkedCases(request.toTour())));
    }

    @PostMapping("/{id}/publication")
    TourView publish(@PathVariable String id) {
        return TourView.of(tours.transition(id, TourStatus.PUBLISHED, "OPERATOR"));
    }

    @PostMapping("/{id}/closing")
    TourView close(@PathVariable String id) {
        return TourView.of(tours.transition(id, TourStatus.REGISTRATION_CLOSED, "OPERATOR"));
    }

    @PostMapping("/{id}/completion")
    TourView complete(@PathVariable String id) {
        return TourView.of(tours.transition(id, TourStatus.COMPLETED, "OPERATOR"));
    }

    record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{id}/cancellation")
    TourView cancel(@PathVariable String id, @Valid @RequestBody Cancellation cancellation) {
        return TourView.of(tours.transition(id, TourStatus.CANCELLED, cancellation.reason().strip()));
    }

    record Capacity(@Min(1) @Max(10_000) int capacity) {
    }

    @PutMapping("/{id}/capacity")
    TourView changeCapacity(@PathVariable String id, @Valid @RequestBody Capacity capacity) {
        return TourView.of(seats.changeCapacity(id, capacity.capacity()));
    }

    /** A program item may point to a case of the library; it must exist. */
    private Tour checkedCases(Tour tour) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < tour.program().size(); i++) {
            Integer caseNumber = tour.program().get(i).caseNumber();
            if (caseNumber != null && !cases.exists(caseNumber)) {
                errors.put("program[" + i + "].caseNumber", "no case " + caseNumber + " in the library");
            }
        }
        if (!errors.isEmpty()) {
            throw new no.studietur.web.InvalidFields(errors);
        }
        return tour;
    }
}
