package no.studietur.notification.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail to one recipient because of one event. The id is derived from (event, kind, recipient), so the
 * intent to send is recorded once however often the event arrives; {@code status} says whether it went out.
 */
@Document("messages")
public record Message(@Id String id, String eventId, @Indexed String registrationId, String tourId, String kind,
                      String recipient, String language, String subject, String text, String html,
                      @Indexed MessageStatus status, int attempts, String lastError, Instant claimedUntil, Instant createdAt,
                      Instant sentAt) {
}
