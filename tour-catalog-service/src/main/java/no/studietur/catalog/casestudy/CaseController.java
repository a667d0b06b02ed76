package no.studietur.catalog.casestudy;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.web.RequestRefused;

/**
 * The case library: anyone may search it by theme, municipality and free text; operators add, change and
 * remove cases.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final MongoTemplate mongo;

    CaseController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    List<CaseStudy> search(@RequestParam(required = false) String theme,
                           @RequestParam(required = false) String municipality,
                           @RequestParam(name = "q", required = false) String text) {
        Criteria criteria = new Criteria();
        if (theme != null && !theme.isBlank()) {
            criteria.and("theme").regex(containing(theme));
        }
        if (municipality != null && !municipality.isBlank()) {
            criteria.and("municipality").regex(containing(municipality));
        }
        if (text != null && !text.isBlank()) {
            // The local store has no $text index, so free text is a case-insensitive match on title or description.
            criteria.orOperator(Criteria.where("title").regex(containing(text)),
                    Criteria.where("description").regex(containing(text)),
                    Criteria.where("host").regex(containing(text)));
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")), CaseStudy.class);
    }

    @GetMapping("/{number}")
    CaseStudy get(@PathVariable int number) {
        return find(number);
    }

    record CaseRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 100) String theme,
                       @NotBlank @Size(max = 200) String host, @Size(max = 100) String municipality,
                       @NotBlank @Size(max = 3000) String description, @Size(max = 200) String contactRole) {
    }

    /** Creates or replaces case {@code number}. */
    @PutMapping("/{number}")
    ResponseEntity<CaseStudy> put(@PathVariable @Min(1) int number, @Valid @RequestBody CaseRequest request) {
        boolean existed = mongo.exists(byNumber(number), CaseStudy.class);
        CaseStudy saved = mongo.save(new CaseStudy(number, request.title().strip(), request.theme().strip(),
                request.host().strip(), request.municipality(), request.description().strip(), request.contactRole()));
        return existed ? ResponseEntity.ok(saved)
                : ResponseEntity.created(URI.create("/api/cases/" + number)).body(saved);
    }

    @DeleteMapping("/{number}")
    ResponseEntity<Void> delete(@PathVariable int number) {
        if (mongo.remove(byNumber(number), CaseStudy.class).getDeletedCount() == 0) {
            throw RequestRefused.notFound("Case " + number);
        }
        return ResponseEntity.noContent().build();
    }

    private CaseStudy find(int number) {
        CaseStudy found = mongo.findById(number, CaseStudy.class);
        if (found == null) {
            throw RequestRefused.notFound("Case " + number);
        }
        return found;
    }

    private static Query byNumber(int number) {
        return Query.query(Criteria.where("_id").is(number));
    }

    private static Pattern containing(String value) {
        return Pattern.compile(Pattern.quote(value.trim()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
