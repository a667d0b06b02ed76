package no.studietur.notification.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import no.studietur.web.RequestRefused;

/**
 * The record of every message: the intent is written before anything is sent, under an id derived from the
 * event, the kind and the recipient, so a redelivered event, a republished one or a restart finds it there and
 * adds nothing. Sending is {@link MessageSender}'s.
 */
@Component
public class Messages {

    private static final Logger log = LoggerFactory.getLogger(Messages.class);

    private final MongoTemplate mongo;
    private final MessageSender sender;
    private final Clock clock;

    Messages(MongoTemplate mongo, MessageSender sender, Clock clock) {
        this.mongo = mongo;
        this.sender = sender;
        this.clock = clock;
    }

    /** What should be sent, to whom and why; {@code causeId} is the event (or the occasion) it answers. */
    public static final int PAGE_SIZE = 1000;

    public record Intent(String causeId, String registrationId, String tourId, String kind, String recipient,
                         String language, MessageComposer.Rendered content,
                         List<MessageContent.Attachment> attachments) {
    }

    private static String idOf(String causeId, String kind, String recipient) {
        return UUID.nameUUIDFromBytes((causeId + "|" + kind + "|" + recipient.toLowerCase())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Records the intents (each once) and lets the sender know. */
    public void record(List<Intent> intents) {
        List<String> ids = new ArrayList<>();
        for (Intent intent : intents) {
            String id = idOf(intent.causeId(), intent.kind(), intent.recipient());
            // content first: a message is never due without what it says
            insertOnce(new MessageContent(id, intent.content().text(), intent.content().html(), intent.attachments()));
            insertOnce(new Message(id, intent.causeId(), intent.registrationId(), intent.tourId(), intent.kind(),
                    intent.recipient(), intent.language(), intent.content().subject(),
                    intent.attachments().stream().map(MessageContent.Attachment::fileName).toList(),
                    MessageStatus.PENDING, 0, null, clock.instant(), clock.instant(), null, 0));
            ids.add(id);
        }
        sender.nudge(ids);
    }

    private void insertOnce(Object document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyRecorded) {
            log.debug("{} was recorded before", document.getClass().getSimpleName());
        }
    }

    public Optional<MessageContent> content(String id) {
        return Optional.ofNullable(mongo.findById(id, MessageContent.class));
    }

    /** Oldest first, {@link #PAGE_SIZE} a page. */
    public List<Message> list(String registrationId, int page) {
        Criteria criteria = registrationId == null ? new Criteria() : Criteria.where("registrationId").is(registrationId);
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt", "_id")).skip((long) page * PAGE_SIZE)
                .limit(PAGE_SIZE), Message.class);
    }

    public Optional<Message> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Message.class));
    }

    /** An operator sends a FAILED (or a SENT, lost) message again, with the same content. */
    public Message resend(String id) {
        Message message = find(id).orElseThrow(() -> RequestRefused.notFound("Message " + id));
        if (message.status() == MessageStatus.PENDING) {
            throw new RequestRefused(HttpStatus.CONFLICT, "Already on its way",
                    "Message " + id + " is pending; it will be sent without a resend");
        }
        Query notPending = Query.query(Criteria.where("_id").is(id).and("status").ne(MessageStatus.PENDING));
        mongo.updateFirst(notPending, new Update().set("status", MessageStatus.PENDING).set("attempts", 0)
                .set("dueAt", clock.instant()).unset("lastError").inc("resends", 1), Message.class);
        sender.nudge(List.of(id));
        return find(id).orElseThrow();
    }
}
