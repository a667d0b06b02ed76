package no.studietur.notification.message;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a message says: the rendered parts and the attachments, under the message's id. Kept apart from the
 * {@link Message} record so that finding due messages and listing them never reads the bodies and PDFs.
 */
@Document("messageContents")
public record MessageContent(@Id String id, String text, String html, List<Attachment> attachments) {

    public MessageContent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** About the bytes it takes in memory: a character of the (mostly Latin) text takes one. */
    long size() {
        return (text == null ? 0 : text.length()) + (html == null ? 0 : html.length())
                + attachments.stream().mapToLong(attachment -> attachment.content().length).sum();
    }

    /** A file sent with the message: the tour's calendar, an invoice PDF. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
