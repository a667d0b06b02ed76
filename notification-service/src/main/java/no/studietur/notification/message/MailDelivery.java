package no.studietur.notification.message;

import java.time.Duration;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

/**
 * Hands messages to the SMTP server: text and HTML alternatives plus attachments. The message id travels in a
 * header, so a receiving system can recognise the one duplicate a crash right after sending may cause.
 *
 * <p>Messages go out over a {@link Connection} that the caller keeps open while messages keep coming: the SMTP
 * handshake (connect, EHLO, QUIT) used to cost more than the message itself. The server's address is read from
 * Spring's mail settings for each message: once they name another server, the next message goes there.
 */
@Component
class MailDelivery {

    static final String MESSAGE_ID_HEADER = "X-Studietur-Message-Id";

    /** Eclipse Angus Mail's, the implementation Spring Boot's mail starter brings (at run time only). */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of every jar for each multipart, body
        // part and encoder it creates (jakartaee/mail-api#861): a tenth of this service's CPU under load. A provider
        // named in this system property is instantiated directly instead.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
        }
    }

    private final JavaMailSenderImpl mail;
    private final String from;

    MailDelivery(JavaMailSenderImpl mail, @Value("${studietur.notification.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /**
     * A connection that opens on its first message and stays open until closed, or until a send fails; close it
     * once it has been idle for a while ({@link Connection#closeIfIdleFor}).
     */
    Connection connection() {
        return new Connection();
    }

    final class Connection implements AutoCloseable {

        /**
         * A connection idle for longer is asked whether the server is still there (NOOP) before it carries a
         * message: the server may have closed it meanwhile (a restart, an idle timeout), and that message would
         * otherwise fail and wait for a retry although the server is up.
         */
        static final Duration CHECKED_AFTER_IDLE = Duration.ofSeconds(1);

        private Transport transport;
        /** The server the settings named when the connection opened: it is used only while they still do. */
        private String connectedTo;
        private long lastUsed;

        /**
         * Sends one message. A message that cannot be composed fails as {@link MailParseException} (an
         * unparseable address) or {@link MailPreparationException}, a server that cannot be reached or refuses as
         * {@link MailSendException}: the sender tells the two apart. After a failed send the connection is dropped
         * and the next send reconnects.
         */
        void send(Message message, MessageContent content) {
            MimeMessage mime = compose(message, content);
            try {
                if (transport != null && !server().equals(connectedTo)) {
                    close();
                }
                if (transport != null && idleFor(CHECKED_AFTER_IDLE) && !transport.isConnected()) {
                    transport = null;
                }
                if (transport == null) {
                    connectedTo = server();
                    transport = mail.getSession().getTransport(mail.getProtocol());
                    transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
                }
                transport.sendMessage(mime, mime.getAllRecipients());
                lastUsed = System.nanoTime();
            } catch (MessagingException failed) {
                close();
                throw new MailSendException("Could not send message " + message.id(), failed);
            }
        }

        boolean isOpen() {
            return transport != null;
        }

        /** Says goodbye to the server if the last message went out at least this long ago. */
        void closeIfIdleFor(Duration linger) {
            if (transport != null && idleFor(linger)) {
                close();
            }
        }

        private String server() {
            return mail.getHost() + ":" + mail.getPort();
        }

        private boolean idleFor(Duration duration) {
            return System.nanoTime() - lastUsed >= duration.toNanos();
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException alreadyGone) {
                    // the server hung up first: nothing left to release
                }
                transport = null;
            }
        }
    }

    private MimeMessage compose(Message message, MessageContent content) {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(content.text(), content.html());
            for (MessageContent.Attachment attachment : content.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            mime.setHeader(MESSAGE_ID_HEADER, message.id());
            mime.setSentDate(new Date());
            mime.saveChanges();
            return mime;
        } catch (MessagingException unparseable) {
            throw new MailParseException("Could not compose message " + message.id(), unparseable);
        } catch (RuntimeException unpreparable) {
            // as Spring's own sender reports it: the message is at fault, not the server
            throw new MailPreparationException("Could not compose message " + message.id(), unpreparable);
        }
    }
}
