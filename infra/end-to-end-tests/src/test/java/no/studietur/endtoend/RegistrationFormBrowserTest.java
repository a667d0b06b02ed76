package no.studietur.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import no.studietur.testsupport.Http;

/**
 * A visitor in headless Chromium (Debian's, never a downloaded one) registers two participants for the Aalborg
 * demo tour through the public form and watches the registration become confirmed.
 */
class RegistrationFormBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Platform platform = Platform.shared();
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aVisitorRegistersTwoParticipantsAndSeesTheRegistrationConfirmed() {
        String site = "http://127.0.0.1:" + platform.port("registration");
        Http.await(() -> Http.at(platform.port("registration")).get("/tours/aalborg-modellen").status() == 200, WAIT,
                "the tour page");

        browser.get(site + "/tours/aalborg-modellen");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Aalborg");
        assertThat(browser.getPageSource()).contains("Avbestilling", "50 %");
        browser.findElement(By.id("register")).click();

        type("organisation.name", "Sortland kommune");
        type("organisation.organisationNumber", "944382038");
        type("contact.name", "Kari Kontakt");
        type("contact.email", "browser-kontakt@example.no");
        type("contact.phone", "+4790000000");
        type("invoice.street", "Postboks 117");
        type("invoice.postcode", "8401");
        type("invoice.town", "Sortland");
        type("invoice.buyerReference", "4100-ELDRE");
        type("participants[0].fullName", "Ola Nordmann");
        type("participants[0].email", "browser-ola@example.no");
        browser.findElement(By.id("add-participant")).click();
        assertThat(browser.findElement(By.name("organisation.name")).getAttribute("value")).isEqualTo("Sortland kommune");
        type("participants[1].fullName", "Áile Ŋuolláš");
        type("participants[1].email", "browser-aile@example.no");
        browser.findElement(By.name("acceptedTerms")).click();
        browser.findElement(By.id("submit")).click();

        // The click may return before the answer to the POST has replaced the page (it did once in CI, under load).
        Http.await(() -> browser.getCurrentUrl().contains("/registrations/"), WAIT,
                "the registration's own page after submitting the form");
        Http.await(() -> "CONFIRMED".equals(status()), WAIT, "the page to show the registration confirmed");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Bekreftet");
        assertThat(browser.findElement(By.className("participants")).getText()).contains("Ola Nordmann", "Áile Ŋuolláš");
    }

    private void type(String field, String text) {
        browser.findElement(By.name(field)).sendKeys(text);
    }

    /** The page reloads itself while pending; read the status it shows now. */
    private String status() {
        try {
            return browser.findElement(By.id("status")).getAttribute("data-status");
        } catch (StaleElementReferenceException | NoSuchElementException reloading) {
            return null;
        }
    }
}
