package no.studietur.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jakarta.mail.util.StreamProvider;

/** Jakarta Mail finds its stream provider by name once the mail adapter is loaded, without scanning the class path. */
class MailDeliveryTest {

    @Test
    void namesTheStreamProviderSoJakartaMailSkipsTheClassPathScan() throws ClassNotFoundException {
        Class.forName(MailDelivery.class.getName());

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailDelivery.STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailDelivery.STREAM_PROVIDER);
    }
}
