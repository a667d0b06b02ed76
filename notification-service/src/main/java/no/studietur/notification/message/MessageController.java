package no.studietur.notification.message;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was sent to whom, for operators. */
@RestController
@RequestMapping("/api/messages")
class MessageController {

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @GetMapping
    List<MessageSummary> list(@RequestParam(required = false) String registrationId) {
        return messages.list(registrationId).stream().map(MessageSummary::of).toList();
    }

    record MessageSummary(String id, String kind, String recipient, String language, String subject,
                          MessageStatus status, int attempts, String lastError, java.time.Instant createdAt,
                          java.time.Instant sentAt) {

        static MessageSummary of(Message message) {
            return new MessageSummary(message.id(), message.kind(), message.recipient(), message.language(),
                    message.subject(), message.status(), message.attempts(), message.lastError(),
                    message.createdAt(), message.sentAt());
        }
    }
}
