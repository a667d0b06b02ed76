package no.studietur.catalog.casestudy;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A site-visit case from the library: something a municipality or institution does well and shows to visitors.
 * Tours are built from such visits; {@code contactRole} is who to ask there (a role, never a private person).
 */
@Document("cases")
public record CaseStudy(@Id int number, String title, String theme, String host, String municipality,
                        String description, String contactRole) {
}
