package no.studietur.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.studietur.testsupport.Http;
import no.studietur.testsupport.TestInfrastructure;

/** The public pages over HTTP, as a browser without JavaScript uses them. */
@SpringBootTest(classes = RegistrationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + RegistrationApplication.CONFIG_NAME,
                "studietur.registration.rate-limit.address-per-second=100000"})
class WebPagesIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registration-web");
    }

    @LocalServerPort
    int port;

    private String tourId;

    @BeforeEach
    void publishTour() {
        tourId = "tour-" + UUID.randomUUID();
        RegistrationIntegrationTest.publishTour(port, tourId);
    }

    @Test
    void showsTheToursAndATourWithItsTermsInNorwegianByDefaultAndInOtherLanguagesOnRequest() {
        assertThat(Http.at(port).get("/").body()).contains("Studieturer og temadager", "/tours/" + tourId);
        String page = Http.at(port).get("/tours/" + tourId).body();
        assertThat(page).contains("Pris per deltaker", "10 990,00 NOK", "Ledige plasser", "50 %", "15 dager",
                "Meld på", "lang=\"nb\"");
        assertThat(Http.at(port).get("/tours/" + tourId + "?lang=sv").body()).contains("Pris per deltagare", "Anmäl");
        assertThat(Http.at(port).get("/tours/" + tourId + "?lang=da").body()).contains("Pris pr. deltager", "Tilmeld");
        assertThat(Http.at(port).get("/tours/" + tourId + "?lang=en").body()).contains("Price per participant");
        assertThat(Http.at(port).get("/tours/no-such-tour").status()).isEqualTo(404);
    }

    @Test
    void addsAndRemovesParticipantsWithoutJavaScriptAndShowsErrorsBesideTheFields() {
        List<Map.Entry<String, String>> form = new ArrayList<>(fields("Ola Nordmann", "ola@example.no"));
        form.add(Map.entry("action", "add"));
        String twoParticipants = Http.at(port).postForm("/tours/" + tourId + "/registration", form).body();
        assertThat(twoParticipants).contains("Deltaker 2", "participants[1].fullName", "value=\"Ola Nordmann\"");

        List<Map.Entry<String, String>> removing = new ArrayList<>(fields("Ola Nordmann", "ola@example.no"));
        removing.add(Map.entry("participants[1].fullName", "Kari"));
        removing.add(Map.entry("action", "remove-1"));
        assertThat(Http.at(port).postForm("/tours/" + tourId + "/registration", removing).body())
                .doesNotContain("participants[1].fullName");

        List<Map.Entry<String, String>> invalid = new ArrayList<>(fields("", "not-an-address"));
        invalid.removeIf(field -> field.getKey().equals("acceptedTerms"));
        invalid.add(Map.entry("action", "submit"));
        var refused = Http.at(port).postForm("/tours/" + tourId + "/registration", invalid);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"error\"", "Må fylles ut.", "Ikke en gyldig e-postadresse.",
                "Du må godta vilkårene.");
        var inSwedish = Http.at(port).postForm("/tours/" + tourId + "/registration?lang=sv", invalid);
        assertThat(inSwedish.body()).contains("Måste fyllas i.", "Du måste godkänna villkoren.");
        List<Map.Entry<String, String>> wrongNumber = new ArrayList<>(fields("Ola", "ola@example.no"));
        wrongNumber.replaceAll(field -> field.getKey().equals("organisation.organisationNumber")
                ? Map.entry(field.getKey(), "944382039") : field);
        wrongNumber.add(Map.entry("action", "submit"));
        assertThat(Http.at(port).postForm("/tours/" + tourId + "/registration?lang=en", wrongNumber).body())
                .contains("Not a valid organisation number for the country.");
    }

    @Test
    void registersFromTheFormAndShowsTheLiveStatusWithUserTextEscaped() {
        List<Map.Entry<String, String>> form = new ArrayList<>(fields("<script>alert('x')</script> Áile Ŋuolláš", "ola@example.no"));
        form.add(Map.entry("action", "submit"));
        var submitted = Http.at(port).postForm("/tours/" + tourId + "/registration", form);
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.location()).contains("/registrations/");

        String status = Http.at(port).get(submitted.location().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(status).contains("Under behandling", "http-equiv=\"refresh\"", "Áile Ŋuolláš")
                .contains("&lt;script&gt;").doesNotContain("<script>alert");
    }

    /** A tour at its bound of undecided registrations: the form comes back filled in, saying to send it again. */
    @Test
    void aBusyTourShowsTheFormAgainFilledIn() {
        Http.await(() -> Http.at(port).post("/api/registrations", RegistrationIntegrationTest.request(tourId, "Fyll"))
                .status() == 429, Duration.ofSeconds(60), "the tour at its bound of undecided registrations");
        List<Map.Entry<String, String>> form = new ArrayList<>(fields("Ingrid Busy", "ingrid@example.no"));
        form.add(Map.entry("action", "submit"));

        var busy = Http.at(port).postForm("/tours/" + tourId + "/registration", form);

        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.retryAfter()).isEqualTo("1");
        assertThat(busy.body()).contains("Mange melder seg på akkurat nå", "value=\"Ingrid Busy\"");
        assertThat(Http.at(port).postForm("/tours/" + tourId + "/registration?lang=sv", form).body())
                .contains("Många anmäler sig just nu");
    }

    private List<Map.Entry<String, String>> fields(String participant, String participantEmail) {
        return List.of(Map.entry("organisation.name", "Asker kommune"),
                Map.entry("organisation.organisationNumber", "944382038"), Map.entry("organisation.country", "NO"),
                Map.entry("contact.name", "Kari Nordmann"), Map.entry("contact.email", "kari@example.no"),
                Map.entry("contact.phone", "+4790000000"), Map.entry("invoice.street", "Postboks 353"),
                Map.entry("invoice.postcode", "1372"), Map.entry("invoice.town", "Asker"),
                Map.entry("invoice.country", "NO"), Map.entry("invoice.buyerReference", "4100-ELDRE"),
                Map.entry("invoice.delivery", "EHF"), Map.entry("participants[0].fullName", participant),
                Map.entry("participants[0].email", participantEmail), Map.entry("participants[0].language", "nb"),
                Map.entry("heardAbout", "Nyhetsbrev"), Map.entry("acceptedTerms", "true"));
    }
}
