package no.studietur.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import no.studietur.catalog.casestudy.CaseStudy;
import no.studietur.catalog.seat.SeatCount;
import no.studietur.catalog.tour.Program;
import no.studietur.catalog.tour.Tour;
import no.studietur.catalog.tour.TourService;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo tours and the case library from the seed documents' facts (see docs/demo-data.md). The seed
 * tours took place years ago, so each is moved forward by whole years until its registration deadline is at
 * least {@link #MIN_TIME_TO_DEADLINE} away: the demo stays bookable whenever it is started. Tours and cases
 * already present are left as they are, so a restart keeps registrations and edits.
 */
@Component
@ConditionalOnBooleanProperty("studietur.demo-data.enabled")
class DemoData implements ApplicationRunner {

    static final Duration MIN_TIME_TO_DEADLINE = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final TourService tours;
    private final MongoTemplate mongo;
    private final Clock clock;

    DemoData(TourService tours, MongoTemplate mongo, Clock clock) {
        this.tours = tours;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<DemoTour> demoTours = read("demo/tours.json", new TypeReference<>() { });
        int published = 0;
        for (DemoTour demo : demoTours) {
            if (!tours.exists(demo.tour().id())) {
                tours.publish(movedToFuture(demo.tour(), demo.capacity(), clock.instant()));
                published++;
            }
        }
        List<CaseStudy> cases = read("demo/cases.json", new TypeReference<>() { });
        if (mongo.estimatedCount(CaseStudy.class) < cases.size()) {
            cases.forEach(mongo::save);
        }
        log.info("Demo data: {} tours published now, {} cases in the library", published, cases.size());
    }

    static Tour movedToFuture(Tour tour, int capacity, Instant now) {
        ZoneId zone = ZoneId.of(tour.timeZone());
        ZonedDateTime deadline = tour.registrationDeadline().atZone(zone);
        int years = 0;
        while (deadline.plusYears(years).toInstant().isBefore(now.plus(MIN_TIME_TO_DEADLINE))) {
            years++;
        }
        int shift = years;
        List<Program.Item> program = tour.program().stream().map(item -> new Program.Item(
                item.day().plusYears(shift), item.start(), item.end(), item.kind(), item.title(), item.venue(),
                item.host(), item.speakers(), item.topics(), item.caseNumber())).toList();
        List<Program.TravelSuggestion> travel = tour.recommendedTravel().stream().map(flight ->
                new Program.TravelSuggestion(flight.carrier(), flight.flightNumber(), flight.from(), flight.to(),
                        flight.departure().plusYears(shift), flight.arrival().plusYears(shift),
                        flight.estimatedPrice())).toList();
        return new Tour(tour.id(), tour.kind(), tour.title(), tour.summary(), tour.description(),
                tour.targetAudience(), tour.destination(), tour.timeZone(), tour.startDate().plusYears(shift),
                tour.endDate().plusYears(shift), program, tour.tourLeader(), tour.pricePerParticipant(), tour.vat(),
                tour.includes(), tour.excludes(), travel, tour.minimumParticipants(),
                deadline.plusYears(shift).toInstant(), tour.cancellationPolicy(), tour.languages(), tour.themes(),
                tour.status(), SeatCount.of(capacity), 0);
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo tour as written in the resource file: the tour as it was in the seed, and its seat count. */
    record DemoTour(int capacity, Tour tour) {
    }
}
