package no.studietur.catalog.casestudy;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** What the rest of the catalog asks of the case library. */
@Component
public class CaseLibrary {

    private final MongoTemplate mongo;

    CaseLibrary(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean exists(int number) {
        return mongo.exists(Query.query(Criteria.where("_id").is(number)), CaseStudy.class);
    }
}
