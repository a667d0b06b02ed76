package no.studietur.registration.partner;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A partner client (e.g. a municipality's own web site). Only a hash of its API key is stored. */
@Document("partners")
public record Partner(@Id String id, String name, @Indexed(unique = true) String keyHash, Instant createdAt) {
}
