package no.studietur.registration.partner;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class PartnerService {

    private final MongoTemplate mongo;
    private final Clock clock;

    PartnerService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The new partner and its API key: the only time the key exists outside the partner's hands. */
    public record Onboarded(Partner partner, String apiKey) {
    }

    public Onboarded onboard(String name) {
        String key = ApiKeys.generate();
        Partner partner = mongo.insert(new Partner(UUID.randomUUID().toString(), name.strip(), ApiKeys.hash(key),
                clock.instant()));
        return new Onboarded(partner, key);
    }

    public Optional<Partner> byKey(String key) {
        if (!ApiKeys.looksLikeKey(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("keyHash").is(ApiKeys.hash(key))),
                Partner.class));
    }

    public List<Partner> list() {
        return mongo.find(new Query().with(Sort.by("createdAt")), Partner.class);
    }
}
