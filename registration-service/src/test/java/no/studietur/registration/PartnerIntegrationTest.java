package no.studietur.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.studietur.testsupport.Http;
import no.studietur.testsupport.TestInfrastructure;

/** Partner clients: onboarding, attribution, seeing only their own registrations, and rate limits. */
@SpringBootTest(classes = RegistrationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + RegistrationApplication.CONFIG_NAME,
                "studietur.registration.rate-limit.partner-per-second=4",
                "studietur.registration.rate-limit.address-per-second=4"})
class PartnerIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registration-partners");
    }

    @LocalServerPort
    int port;

    private Http operator() {
        return Http.operatorAt(port);
    }

    private String onboard(String name) {
        var onboarded = operator().post("/api/partners", "{\"name\":\"" + name + "\"}");
        assertThat(onboarded.status()).isEqualTo(201);
        return onboarded.json().path("apiKey").asString();
    }

    /** A rush keeps thousands of connections open; each holds 2 KB socket buffers, yet bigger requests get through. */
    @Test
    void eachConnectionHoldsSmallSocketBuffersAndLongerRequestsStillArrive(
            @Autowired ServletWebServerApplicationContext context) throws InterruptedException {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("2048");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("2048");

        String tourId = "tour-" + UUID.randomUUID();
        RegistrationIntegrationTest.publishTour(port, tourId);
        Thread.sleep(1100); // past the per-address limit of the tests before
        var placed = Http.at(port).with("X-Request-Note", "x".repeat(6000))
                .post("/api/registrations", RegistrationIntegrationTest.request(tourId, "Kari Nordmann"));
        assertThat(placed.status()).isEqualTo(202);
        assertThat(Http.at(port).get("/api/registrations/" + placed.json().path("id").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void aPartnerSeesOnlyItsOwnRegistrations() throws Exception {
        String tourId = "tour-" + UUID.randomUUID();
        RegistrationIntegrationTest.publishTour(port, tourId);
        String asker = onboard("Asker kommunes nettside");
        String baerum = onboard("Bærum kommunes nettside");
        assertThat(asker).startsWith("stk_").isNotEqualTo(baerum);
        assertThat(operator().get("/api/partners").body()).doesNotContain(asker).contains("Asker kommunes nettside");

        var placed = Http.at(port).with("X-Api-Key", asker)
                .post("/api/registrations", RegistrationIntegrationTest.request(tourId, "Ola Nordmann"));
        assertThat(placed.status()).isEqualTo(202);
        String id = placed.json().path("id").asString();
        Thread.sleep(1100);

        var own = Http.at(port).with("X-Api-Key", asker).get("/api/partner/registrations?page=0&size=10").json();
        assertThat(own.path("items").findValuesAsString("id")).containsExactly(id);
        assertThat(own.path("total").asLong()).isEqualTo(1);
        assertThat(Http.at(port).with("X-Api-Key", asker).get("/api/partner/registrations/" + id).status()).isEqualTo(200);
        assertThat(Http.at(port).with("X-Api-Key", baerum).get("/api/partner/registrations").json()
                .path("items").size()).isZero();
        assertThat(Http.at(port).with("X-Api-Key", baerum).get("/api/partner/registrations/" + id).status()).isEqualTo(404);
        Thread.sleep(1100);
        assertThat(Http.at(port).get("/api/partner/registrations").status()).isEqualTo(401);
        var forged = Http.at(port).with("X-Api-Key", "stk_" + "x".repeat(43)).get("/api/partner/registrations");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).isEqualTo("application/problem+json");
        assertThat(Http.at(port).with("X-Api-Key", asker).get("/api/partners").status()).isEqualTo(403);
    }

    @Test
    void overTheLimitAnswers429WithRetryAfterPerKeyAndPerAddress() throws Exception {
        String key = onboard("Sandnes kommunes nettside");
        Thread.sleep(1100);
        List<Http.Response> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(Http.at(port).with("X-Api-Key", key).get("/api/partner/registrations"));
        }
        assertThat(burst).extracting(Http.Response::status).contains(200, 429).doesNotContain(500);
        Http.Response limited = burst.stream().filter(response -> response.status() == 429).findFirst().orElseThrow();
        assertThat(limited.retryAfter()).isEqualTo("1");
        assertThat(limited.contentType()).isEqualTo("application/problem+json");

        Thread.sleep(1100);
        assertThat(Http.at(port).with("X-Api-Key", key).get("/api/partner/registrations").status()).isEqualTo(200);
        List<Integer> anonymous = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            anonymous.add(Http.at(port).get("/api/registrations/" + UUID.randomUUID()).status());
        }
        assertThat(anonymous).contains(404, 429);
        assertThat(operator().get("/api/partners").status()).isEqualTo(200);
        Http.await(() -> Http.at(port).get("/api/registrations/x").status() == 404, Duration.ofSeconds(5), "limit refilled");
    }
}
