package no.studietur.localstack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * An e-mail as it arrived at the SMTP server, reduced to what a person or a test looks at. {@code messageId} is
 * the sender's own id of the message (the notification service's {@code X-Studietur-Message-Id}), the same for
 * every delivery of one message, so duplicates can be counted.
 */
public record ReceivedMail(String id, String messageId, String from, List<String> to, String subject,
                           Instant receivedAt, String text, String html, List<String> attachments) {

    public static final String MESSAGE_ID_HEADER = "X-Studietur-Message-Id";

    static ReceivedMail of(String id, MimeMessage message) {
        try {
            Body body = new Body();
            body.collect(message);
            Instant received = message.getSentDate() == null ? Instant.now() : message.getSentDate().toInstant();
            String[] messageId = message.getHeader(MESSAGE_ID_HEADER);
            return new ReceivedMail(id, messageId == null ? null : messageId[0], addresses(message.getFrom()).stream().findFirst().orElse(null),
                    addresses(message.getAllRecipients()), message.getSubject(), received, body.text, body.html,
                    List.copyOf(body.attachments));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable e-mail " + id, e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static final class Body {
        private String text;
        private String html;
        private final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(part.getFileName());
            } else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
