package no.studietur.notification.message;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail to one recipient because of one event. The id is derived from (event, kind, recipient), so the
 * intent to send is recorded once however often the event arrives. The rendered content ({@link MessageContent},
 * same id) is stored with the intent, so a retry or an operator's resend sends exactly what was composed.
 * {@code dueAt} is when a sender may next take it: now for a new message, later while one sender holds it or
 * after a failed attempt.
 */
@Document("messages")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
public record Message(@Id String id, String eventId, @Indexed String registrationId, String tourId, String kind,
                      String recipient, String language, String subject, List<String> attachmentNames,
                      MessageStatus status, int attempts, String lastError, Instant dueAt, Instant createdAt,
                      Instant sentAt, int resends) {

    public Message {
        attachmentNames = attachmentNames == null ? List.of() : List.copyOf(attachmentNames);
    }
}
