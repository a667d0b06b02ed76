package no.studietur.benchmark;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** What the benchmark and the fault run ask of a running local platform: tours to load, registrations, waiting. */
final class PlatformCalls {

    static final String OPERATOR = "operator";
    static final URI REGISTRATIONS = URI.create("http://127.0.0.1:8080/api/registrations");
    static final URI TOURS = URI.create("http://127.0.0.1:8081/api/tours");
    static final URI INVOICES = URI.create("http://127.0.0.1:8082/api/invoices");
    static final URI MESSAGES = URI.create("http://127.0.0.1:8083/api/messages");
    static final URI INBOX = URI.create("http://127.0.0.1:8025/api/");
    static final String BROKER = "127.0.0.1:9092";
    static final String STORE = "mongodb://127.0.0.1:27017";
    static final int SMTP = 2525;

    private PlatformCalls() {
    }

    /**
     * Creates and publishes a study tour six months ahead (50 % fee from the start, 100 % within 15 days) and
     * returns once the registration service knows it.
     */
    static String createTour(LoadClient client, String id, int capacity) throws Exception {
        LocalDate start = LocalDate.now().plusMonths(6);
        String tour = """
                {"id":"%s","kind":"STUDY_TOUR","title":"Load %s","summary":"Load test","description":"Load test",
                 "targetAudience":"Benchmark","destination":{"place":"Aalborg","municipality":"Aalborg Kommune","country":"DK"},
                 "timeZone":"Europe/Copenhagen","startDate":"%s","endDate":"%s","program":[],"tourLeader":"Reiseleder",
                 "pricePerParticipant":{"amount":"10990.00","currency":"NOK"},"vat":{"category":"Z","ratePercent":"0"},
                 "includes":[],"excludes":[],"recommendedTravel":[],"capacity":%d,"minimumParticipants":1,
                 "registrationDeadline":"%s","cancellationPolicy":{"tiers":[{"fromDaysBeforeStart":null,"feePercent":50},
                 {"fromDaysBeforeStart":15,"feePercent":100}],"substitutionAllowed":true},"languages":["nb"],"themes":["benchmark"]}"""
                .formatted(id, id, start, start.plusDays(1), capacity, start.minusDays(20).atStartOfDay().toInstant(ZoneOffset.UTC));
        require(client.post(TOURS, tour, OPERATOR, OPERATOR), "create tour " + id);
        require(client.post(URI.create(TOURS + "/" + id + "/publication"), "{}", OPERATOR, OPERATOR), "publish " + id);
        // The registration service knows the tour once its public page answers (a probe registration would take a seat).
        URI page = URI.create("http://127.0.0.1:8080/tours/" + id);
        if (!awaitAll(() -> {
            try {
                return client.get(page, null, null) != null;
            } catch (Exception notYet) {
                return false;
            }
        }, Duration.ofSeconds(60))) {
            throw new IllegalStateException("The registration service did not learn of tour " + id);
        }
        return id;
    }

    /** A registration from one municipality; {@code key} makes the e-mail addresses unique. */
    static String registration(String tourId, String key, int participants) {
        StringBuilder people = new StringBuilder();
        for (int i = 1; i <= participants; i++) {
            people.append(i > 1 ? "," : "").append("""
                    {"fullName":"Deltaker %d","jobTitle":"Enhetsleder","email":"deltaker%d-%s@load.example","language":"nb"}"""
                    .formatted(i, i, key));
        }
        return """
                {"tourId":"%s","organisation":{"name":"Bærum kommune","organisationNumber":"964200092","country":"NO"},
                 "contact":{"name":"Kari Kontakt","email":"kontakt-%s@load.example","phone":"+4790000000"},
                 "invoice":{"street":"Postboks 700","postcode":"1304","town":"Sandvika","country":"NO",
                            "buyerReference":"4100-ELDRE","delivery":"EHF"},
                 "participants":[%s],"heardAbout":"Benchmark","acceptedTerms":true}""".formatted(tourId, key, people);
    }

    static void require(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Polls every 200 ms until done or the time is up; an exception while polling counts as not yet. */
    static boolean awaitAll(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (done.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // the endpoint is still starting
            }
            Thread.sleep(200);
        }
        return false;
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
