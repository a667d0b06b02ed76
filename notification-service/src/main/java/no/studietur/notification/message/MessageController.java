package no.studietur.notification.message;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.web.RequestRefused;

/** What was sent to whom, when, in which language and how it went; the content; resending. Operators only. */
@RestController
@RequestMapping("/api/messages")
class MessageController {

    private final Messages messages;

    MessageController(Messages messages) {
        this.messages = messages;
    }

    @GetMapping
    List<MessageSummary> list(@RequestParam(required = false) String registrationId,
                              @RequestParam(defaultValue = "0") @Min(0) int page) {
        return messages.list(registrationId, page).stream().map(MessageSummary::of).toList();
    }

    /** The message as rendered: subject, text and HTML parts, and the attachments' names. */
    @GetMapping("/{id}")
    MessageView get(@PathVariable String id) {
        return new MessageView(MessageSummary.of(message(id)), content(id).text(), content(id).html());
    }

    /** The HTML part as the recipient sees it. */
    @GetMapping(value = "/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
    String html(@PathVariable String id) {
        return content(id).html();
    }

    @GetMapping("/{id}/attachments/{fileName}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String fileName) {
        MessageContent.Attachment attachment = content(id).attachments().stream()
                .filter(candidate -> candidate.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("Attachment " + fileName));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
                .body(attachment.content());
    }

    /** Sends a FAILED (or SENT) message again; 409 while it is still pending. */
    @PostMapping("/{id}/resend")
    ResponseEntity<MessageSummary> resend(@PathVariable String id) {
        return ResponseEntity.accepted().body(MessageSummary.of(messages.resend(id)));
    }

    private Message message(String id) {
        return messages.find(id).orElseThrow(() -> RequestRefused.notFound("Message " + id));
    }

    private MessageContent content(String id) {
        return messages.content(id).orElseThrow(() -> RequestRefused.notFound("Message " + id));
    }

    record MessageSummary(String id, String registrationId, String kind, String recipient, String language,
                          String subject, MessageStatus status, int attempts, String lastError, Instant createdAt,
                          Instant sentAt, int resends, List<String> attachments) {

        static MessageSummary of(Message message) {
            return new MessageSummary(message.id(), message.registrationId(), message.kind(), message.recipient(),
                    message.language(),
                    message.subject(), message.status(), message.attempts(), message.lastError(),
                    message.createdAt(), message.sentAt(), message.resends(), message.attachmentNames());
        }
    }

    record MessageView(MessageSummary message, String text, String html) {
    }
}
