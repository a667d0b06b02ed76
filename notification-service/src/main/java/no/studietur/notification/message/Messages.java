package no.studietur.notification.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
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

    /**
     * Records the intents (each once, all of an occasion in one write per collection) and hands them to this
     * instance's sender. A message recorded now is leased to that sender from the start, so it needs no claim of
     * its own before it is sent; one recorded before (a redelivered event) is handed over by id, to be claimed if
     * it is still due.
     */
    public void record(List<Intent> intents) {
        if (intents.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant leasedUntil = sender.leaseFrom(now);
        List<MessageContent> contents = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        for (Intent intent : intents) {
            String id = idOf(intent.causeId(), intent.kind(), intent.recipient());
            contents.add(new MessageContent(id, intent.content().text(), intent.content().html(), intent.attachments()));
            messages.add(new Message(id, intent.causeId(), intent.registrationId(), intent.tourId(), intent.kind(),
                    intent.recipient(), intent.language(), intent.content().subject(),
                    intent.attachments().stream().map(MessageContent.Attachment::fileName).toList(),
                    MessageStatus.PENDING, 0, null, leasedUntil, now, null, 0));
        }
        // contents first: a message is never due without what it says
        insertEachOnce(MessageContent.class, contents);
        Set<Integer> recordedBefore = insertEachOnce(Message.class, messages);
        List<Message> recordedNow = new ArrayList<>();
        List<String> recordedEarlier = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (recordedBefore.contains(i)) {
                recordedEarlier.add(messages.get(i).id());
            } else {
                recordedNow.add(messages.get(i));
            }
        }
        sender.handOverLeased(recordedNow, contents.stream()
                // one id twice in an occasion (a contact who is also a participant) was recorded once
                .collect(Collectors.toMap(MessageContent::id, Function.identity(), (first, again) -> first)));
        sender.nudge(recordedEarlier);
    }

    /** Inserts every document not stored yet; returns the positions of those that were (duplicate ids). */
    private <T> Set<Integer> insertEachOnce(Class<T> type, List<T> documents) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type).insert(documents).execute();
            return Set.of();
        } catch (BulkOperationException failure) {
            if (failure.getErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw failure;
            }
            log.debug("{} of {} {} recorded before", failure.getErrors().size(), documents.size(),
                    type.getSimpleName());
            return failure.getErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
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
