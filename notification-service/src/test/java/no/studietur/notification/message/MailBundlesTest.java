package no.studietur.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language has every text, and has its own words for it. */
class MailBundlesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (var in = MailBundlesTest.class.getResourceAsStream("/mail/messages" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "nn", "sv", "da"})
    void eachLanguageTranslatesEveryText(String language) throws IOException {
        Properties english = bundle("");
        Properties translated = bundle("_" + language);

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        english.stringPropertyNames().stream().filter(key -> key.endsWith(".subject")).forEach(key ->
                assertThat(translated.getProperty(key)).as(key).isNotEqualTo(english.getProperty(key)));
    }
}
