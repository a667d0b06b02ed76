package no.studietur.notification.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import no.studietur.contracts.common.Participant;
import no.studietur.contracts.notification.MessageFailed;
import no.studietur.contracts.notification.MessageSent;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;
import no.studietur.messaging.ReceivedEvent;

/**
 * Exactly one e-mail per (event, recipient): the intent is stored first under an id derived from both, a
 * sender claims it before sending, and the outcome is stored after. Only a crash between the SMTP server's
 * acceptance and the outcome write can send a message twice. A failed send stays PENDING and is retried in the
 * background, so the Kafka consumer is never blocked by the mail server.
 */
@Service
public class MessageService {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration CLAIM = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    private final MongoTemplate mongo;
    private final MessageComposer composer;
    private final MailDelivery delivery;
    private final OutboxRelay relay;
    private final Clock clock;

    MessageService(MongoTemplate mongo, MessageComposer composer, MailDelivery delivery, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.composer = composer;
        this.delivery = delivery;
        this.relay = relay;
        this.clock = clock;
    }

    public void registrationConfirmed(ReceivedEvent<RegistrationConfirmed> event) {
        RegistrationConfirmed confirmed = event.data();
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("tour", confirmed.tour());
        common.put("tourTitle", confirmed.tour().title());
        common.put("details", confirmed.details());
        common.put("policy", confirmed.agreedPolicy());
        common.put("registrationId", confirmed.registrationId());
        List<String> created = new ArrayList<>();
        var contact = confirmed.details().contact();
        Map<String, Object> forContact = new LinkedHashMap<>(common);
        forContact.put("recipientName", contact.name());
        forContact.put("total", confirmed.tour().pricePerParticipant().times(confirmed.details().participants().size()));
        created.add(record(event.id(), confirmed, "registration-confirmed-contact", contact.email(),
                confirmed.tour().language(), forContact));
        for (Participant participant : confirmed.details().participants()) {
            Map<String, Object> forParticipant = new LinkedHashMap<>(common);
            forParticipant.put("recipientName", participant.fullName());
            forParticipant.put("participant", participant);
            created.add(record(event.id(), confirmed, "registration-confirmed-participant", participant.email(),
                    participant.language(), forParticipant));
        }
        created.forEach(this::deliver);
    }

    public List<Message> list(String registrationId) {
        Criteria criteria = registrationId == null ? new Criteria() : Criteria.where("registrationId").is(registrationId);
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt")).limit(1000), Message.class);
    }

    /** Retries what is still pending: after an SMTP outage, the backlog drains by itself. */
    @Scheduled(fixedDelayString = "${studietur.notification.retry-interval:5s}")
    void retryPending() {
        Query pending = Query.query(Criteria.where("status").is(MessageStatus.PENDING)
                .orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(clock.instant())));
        pending.fields().include("_id");
        mongo.find(pending.limit(500), Message.class).forEach(message -> deliver(message.id()));
    }

    private String record(String eventId, RegistrationConfirmed confirmed, String kind, String recipient,
                          String language, Map<String, Object> variables) {
        String id = UUID.nameUUIDFromBytes((eventId + "|" + kind + "|" + recipient).getBytes(StandardCharsets.UTF_8))
                .toString();
        MessageComposer.Rendered rendered = composer.render(kind, language, variables);
        try {
            mongo.insert(new Message(id, eventId, confirmed.registrationId(), confirmed.tourId(), kind, recipient,
                    language, rendered.subject(), rendered.text(), rendered.html(), MessageStatus.PENDING, 0, null,
                    null, clock.instant(), null));
        } catch (DuplicateKeyException alreadyRecorded) {
            log.debug("Message {} was already recorded", id);
        }
        return id;
    }

    private void deliver(String messageId) {
        Message message = claim(messageId);
        if (message == null) {
            return;
        }
        try {
            delivery.send(message);
            Update sent = new Update().set("status", MessageStatus.SENT).set("sentAt", clock.instant())
                    .inc("attempts", 1).unset("claimedUntil");
            Outbox.append(sent, clock, new MessageSent(message.id(), message.registrationId(), message.tourId(),
                    message.kind(), message.recipient(), message.language(), clock.instant()));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(messageId)), sent, Message.class);
        } catch (RuntimeException e) {
            int attempts = message.attempts() + 1;
            Update failed = new Update().set("attempts", attempts).set("lastError", e.toString())
                    .set("claimedUntil", clock.instant().plus(backOff(attempts)));
            if (attempts >= MAX_ATTEMPTS) {
                failed.set("status", MessageStatus.FAILED);
                Outbox.append(failed, clock, new MessageFailed(message.id(), message.registrationId(),
                        message.tourId(), message.kind(), message.recipient(), message.language(), e.toString(),
                        attempts, clock.instant()));
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(messageId)), failed, Message.class);
            log.warn("Sending message {} failed (attempt {}): {}", messageId, attempts, e.toString());
        }
        relay.nudge();
    }

    /** Takes the message for sending, so no other thread or instance sends it at the same time. */
    private Message claim(String messageId) {
        Query claimable = Query.query(Criteria.where("_id").is(messageId).and("status").is(MessageStatus.PENDING)
                .orOperator(Criteria.where("claimedUntil").is(null), Criteria.where("claimedUntil").lt(clock.instant())));
        return mongo.findAndModify(claimable, Update.update("claimedUntil", clock.instant().plus(CLAIM)),
                FindAndModifyOptions.options().returnNew(true), Message.class);
    }

    private static Duration backOff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
    }
}
