package no.studietur.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import no.studietur.catalog.casestudy.CaseStudy;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class DemoDataTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private static <T> T read(String resource, TypeReference<T> type) throws Exception {
        try (InputStream in = DemoDataTest.class.getResourceAsStream("/demo/" + resource)) {
            return JSON.readValue(in, type);
        }
    }

    @Test
    void movesEveryTourByWholeYearsUntilItsDeadlineIsAMonthAway() throws Exception {
        List<DemoData.DemoTour> tours = read("tours.json", new TypeReference<>() { });
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        var aalborg = tours.stream().filter(demo -> demo.tour().id().equals("aalborg-modellen")).findFirst().orElseThrow();

        var moved = DemoData.movedToFuture(aalborg.tour(), aalborg.capacity(), now);

        assertThat(moved.startDate()).isEqualTo(LocalDate.parse("2027-05-31"));
        assertThat(moved.endDate()).isEqualTo(LocalDate.parse("2027-06-02"));
        assertThat(moved.registrationDeadline()).isEqualTo(Instant.parse("2027-05-16T21:59:59Z"));
        assertThat(moved.program()).allSatisfy(item -> assertThat(item.day().getYear()).isEqualTo(2027));
        assertThat(moved.recommendedTravel().getFirst().departure().getYear()).isEqualTo(2027);
        assertThat(moved.seats().capacity()).isEqualTo(30);
        for (var demo : tours) {
            var future = DemoData.movedToFuture(demo.tour(), demo.capacity(), now);
            assertThat(future.registrationDeadline()).isAfter(now.plus(DemoData.MIN_TIME_TO_DEADLINE));
            assertThat(future.registrationDeadline()).isBefore(now.plus(DemoData.MIN_TIME_TO_DEADLINE).plusSeconds(366L * 86_400));
        }
    }

    @Test
    void theSeedToursAndTheWholeCaseLibraryAreThere() throws Exception {
        List<DemoData.DemoTour> tours = read("tours.json", new TypeReference<>() { });
        assertThat(tours).extracting(demo -> demo.tour().id())
                .containsExactly("haderslev-eldreomsorg", "aalborg-modellen", "temadag-torn");
        assertThat(tours.get(1).tour().program()).hasSizeGreaterThan(12);

        List<CaseStudy> cases = read("cases.json", new TypeReference<>() { });
        assertThat(cases).extracting(CaseStudy::number).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(cases).extracting(CaseStudy::theme).containsOnly("Fra ny viden til ny praksis", "Vis mig værdien",
                "Med borgeren som udgangspunkt", "Skalering og spredning", "Ledelse af ny velfærd",
                "Samarbejde i nye konstruktioner");
        assertThat(cases).allSatisfy(library -> assertThat(library.description()).isNotBlank());
    }
}
