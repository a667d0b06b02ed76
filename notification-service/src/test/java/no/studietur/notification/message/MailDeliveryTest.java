package no.studietur.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.util.StreamProvider;
import no.studietur.testsupport.Http;

/**
 * How messages reach the SMTP server: over one connection while they keep coming, a fresh one where the server
 * dropped it or the settings name another; and Jakarta Mail finds its stream provider by name, without scanning the
 * class path.
 */
class MailDeliveryTest {

    private final ScriptedSmtpServer server = new ScriptedSmtpServer();
    private final MailDelivery delivery = server.delivery();

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void messagesInARowGoOverOneConnectionWhichClosesOnceIdleForTheGivenTime() throws Exception {
        try (MailDelivery.Connection smtp = delivery.connection()) {
            for (int i = 0; i < 3; i++) {
                smtp.send(message(), content());
            }
            smtp.closeIfIdleFor(Duration.ofMinutes(1));
            assertThat(smtp.isOpen()).isTrue();
            smtp.send(message(), content());
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.messages()).isEqualTo(4);

            smtp.closeIfIdleFor(Duration.ZERO);
            assertThat(smtp.isOpen()).isFalse();
            awaitQuits(1);
            smtp.send(message(), content());
            assertThat(server.connections()).isEqualTo(2);
        }
        awaitQuits(2);
    }

    @Test
    void aConnectionTheServerDroppedWhileIdleIsReplacedBeforeTheNextMessage() throws Exception {
        try (MailDelivery.Connection smtp = delivery.connection()) {
            smtp.send(message(), content());
            server.dropConnections();
            Thread.sleep(MailDelivery.Connection.CHECKED_AFTER_IDLE.plusMillis(100));

            smtp.send(message(), content());
        }
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.messages()).isEqualTo(2);
    }

    @Test
    void aMessageGoesToTheServerTheSettingsNameNowThoughAConnectionToTheLastOneIsOpen() throws Exception {
        JavaMailSenderImpl settings = server.mailSettings();
        MailDelivery followingSettings = ScriptedSmtpServer.deliveryBy(settings);
        try (ScriptedSmtpServer other = new ScriptedSmtpServer();
             MailDelivery.Connection smtp = followingSettings.connection()) {
            smtp.send(message(), content());
            settings.setPort(other.port());

            smtp.send(message(), content());
            assertThat(other.messages()).isEqualTo(1);
        }
        assertThat(server.messages()).isEqualTo(1);
    }

    @Test
    void namesTheStreamProviderSoJakartaMailSkipsTheClassPathScan() throws ClassNotFoundException {
        Class.forName(MailDelivery.class.getName());

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailDelivery.STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailDelivery.STREAM_PROVIDER);
    }

    private void awaitQuits(int expected) {
        Http.await(() -> server.quits() >= expected, Duration.ofSeconds(5), expected + " goodbyes");
        assertThat(server.quits()).as("goodbyes the server heard").isEqualTo(expected);
    }

    private static Message message() {
        String id = UUID.randomUUID().toString();
        return new Message(id, "event-" + id, "registration-" + id, "tour-" + id, "confirmation",
                "deltaker@example.no", "nb", "Velkommen", List.of(), MessageStatus.PENDING, 0, null, Instant.now(),
                Instant.now(), null, 0);
    }

    private static MessageContent content() {
        return new MessageContent(UUID.randomUUID().toString(), "Velkommen", "<p>Velkommen</p>", List.of());
    }
}
