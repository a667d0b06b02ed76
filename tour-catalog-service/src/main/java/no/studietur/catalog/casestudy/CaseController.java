package no.studietur.catalog.casestudy;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case library: filter by theme and municipality, and search title and description for words. */
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

    private static Pattern containing(String value) {
        return Pattern.compile(Pattern.quote(value.trim()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
