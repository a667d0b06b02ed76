package no.studietur.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

/** Which queries the local store answers by looking one document up by its id instead of scanning. */
class IdLookupH2BackendTest {

    @Test
    void anIdWithFurtherConditionsIsLookedUp() {
        assertThat(IdLookupH2Backend.idNamedBeside(new Document("_id", "t-1").append("version", 3L))).isEqualTo("t-1");
    }

    @Test
    void anIdInsideAnAndOfConditionsIsLookedUp() {
        Document filtersAnd = new Document("$and", List.of(new Document("_id", "r-7"),
                new Document("version", new Document("$lt", 4L))));

        assertThat(IdLookupH2Backend.idNamedBeside(filtersAnd)).isEqualTo("r-7");
    }

    @Test
    void otherShapesAreLeftToTheGeneralQuery() {
        // an id alone: the stock id index answers it already
        assertThat(IdLookupH2Backend.idNamedBeside(new Document("_id", "t-1"))).isNull();
        assertThat(IdLookupH2Backend.idNamedBeside(new Document("_id", new Document("$in", List.of("a", "b")))
                .append("version", 1))).isNull();
        assertThat(IdLookupH2Backend.idNamedBeside(new Document("$and", List.of(
                new Document("_id", new Document("$gt", "a")), new Document("version", 1))))).isNull();
        assertThat(IdLookupH2Backend.idNamedBeside(new Document("$and", List.of(new Document("tourId", "t-1"),
                new Document("state", "WAITING"))))).isNull();
        assertThat(IdLookupH2Backend.idNamedBeside(new Document("$and", List.of(new Document("_id", "r-7")))
                .append("state", "WAITING"))).isNull();
    }
}
