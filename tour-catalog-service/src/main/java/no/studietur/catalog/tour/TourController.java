package no.studietur.catalog.tour;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.web.RequestRefused;

@RestController
@RequestMapping("/api/tours")
class TourController {

    private final TourService tours;

    TourController(TourService tours) {
        this.tours = tours;
    }

    @GetMapping
    List<TourView> list(@RequestParam(required = false) TourKind kind) {
        return tours.listVisible(kind).stream().map(TourView::of).toList();
    }

    @GetMapping("/{id}")
    TourView get(@PathVariable String id) {
        return tours.find(id).filter(tour -> tour.status() != TourStatus.DRAFT).map(TourView::of)
                .orElseThrow(() -> RequestRefused.notFound("Tour " + id));
    }
}
