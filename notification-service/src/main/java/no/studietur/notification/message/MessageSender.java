package no.studietur.notification.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import no.studietur.contracts.notification.MessageFailed;
import no.studietur.contracts.notification.MessageSent;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;
import no.studietur.messaging.StoreOutage;

/**
 * Sends recorded messages in the background, never on the Kafka consumer's thread: the consumer only records
 * intents and hands them to this sender's threads ({@code sender-threads}). Each message is sent under a lease
 * ({@code dueAt} ahead) so no other thread or instance sends it meanwhile: taken at recording for what this
 * instance records, else by a claim; its outcome is written after the SMTP server answered. Failures are
 * retried with exponential back-off up to {@code max-attempts}, then the message is FAILED (an operator may
 * resend it). A Resilience4j circuit breaker stops hammering an SMTP server that is down: while it is open no
 * attempt is made or counted, and the backlog drains by itself once a probe succeeds.
 */
@Component
public class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    /**
     * How much of its lease a message must have left for a send to start without a claim: a send is a few SMTP
     * steps, each given up after 5 s, and must end before the lease does or another sender could take it too.
     */
    private static final Duration LONGEST_SEND = Duration.ofSeconds(20);
    /**
     * How long a sender thread keeps its SMTP connection open with nothing to send. Under load the next message
     * comes within it, so a thread sends message after message over one connection; opening one per wake-up had
     * meant a connection for every two or three e-mails, each with its own handshake. Servers drop idle clients
     * only after minutes (RFC 5321 asks them to wait at least five).
     */
    private static final Duration SMTP_LINGER = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final MailDelivery delivery;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryInterval;
    private final CircuitBreaker breaker;
    private final int threads;
    private final int sweepBatch;
    /**
     * How much content recorded here the handed-over messages may carry to the sender threads, so that sending
     * them needs no look-up of what this instance has just written (a twentieth of its CPU under load, and the
     * store's). A backlog beyond it is handed over without its content, which is then read from the store.
     */
    private final long carriedContentLimit;
    private final List<Thread> workers = new ArrayList<>();
    private final Object wakeUp = new Object();
    private final Queue<Handed> due = new ConcurrentLinkedQueue<>();
    /** When retries this sender scheduled come due ({@link System#nanoTime()}); guarded by {@code wakeUp}. */
    private final NavigableSet<Long> retriesDue = new TreeSet<>();
    /** The last look for any due message; a lease ago at start, so the first look is at once. */
    private long lastSweep = System.nanoTime() - LEASE.toNanos();
    private long generation;
    /** The last sweep filled its batch, so more may be due once its ids have all been taken. */
    private final AtomicBoolean sweptFullBatch = new AtomicBoolean();
    /** The size of the content the handed-over messages in {@code due} carry. */
    private final AtomicLong carriedContent = new AtomicLong();
    private volatile boolean running;

    MessageSender(MongoTemplate mongo, MailDelivery delivery, OutboxRelay relay, Clock clock,
                  @Value("${studietur.notification.max-attempts:8}") int maxAttempts,
                  @Value("${studietur.notification.retry-interval:5s}") Duration retryInterval,
                  @Value("${studietur.notification.breaker-open-for:30s}") Duration breakerOpenFor,
                  @Value("${studietur.notification.sender-threads:4}") int threads,
                  @Value("${studietur.notification.sweep-batch:500}") int sweepBatch,
                  @Value("${studietur.notification.carried-content-limit:1MB}") DataSize carriedContentLimit) {
        this.threads = threads;
        this.sweepBatch = sweepBatch;
        this.carriedContentLimit = carriedContentLimit.toBytes();
        this.mongo = mongo;
        this.delivery = delivery;
        this.relay = relay;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryInterval = retryInterval;
        this.breaker = CircuitBreaker.of("smtp", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(10)
                .minimumNumberOfCalls(3).failureRateThreshold(50).waitDurationInOpenState(breakerOpenFor)
                .permittedNumberOfCallsInHalfOpenState(1).build());
        breaker.getEventPublisher().onStateTransition(event -> log.warn("SMTP circuit breaker: {}",
                event.getStateTransition()));
    }

    /**
     * A message handed to the sender threads: by its id, to be claimed if it is due, or as {@code recorded} by
     * this instance, which leased it to this sender when it recorded it, with what it says unless the sender
     * threads already carry enough ({@code content} is then null).
     */
    private record Handed(String id, Message recorded, MessageContent content) {
    }

    /** When a lease taken now ends: for a message recorded now, and handed over with {@link #handOverLeased}. */
    Instant leaseFrom(Instant now) {
        // as the store keeps it, so that a renewal can find the lease by its end
        return now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Hands these newly due messages to the sender threads and wakes them: each takes the next by its id. The SMTP
     * round trips are what a send waits on, so several threads send several messages at a time.
     */
    public void nudge(Collection<String> messageIds) {
        handOver(messageIds.stream().map(id -> new Handed(id, null, null)).toList());
    }

    /**
     * Hands over messages just recorded with a lease for this sender ({@link #leaseFrom}): no other sender takes
     * them before it ends, so while enough of it is left they are sent as they are, without a claim (a write to the
     * store per message).
     */
    void handOverLeased(Collection<Message> recorded, Map<String, MessageContent> contents) {
        handOver(recorded.stream()
                .map(message -> new Handed(message.id(), message, carried(contents.get(message.id())))).toList());
    }

    private MessageContent carried(MessageContent content) {
        if (content == null) {
            return null;
        }
        if (carriedContent.addAndGet(content.size()) > carriedContentLimit) {
            carriedContent.addAndGet(-content.size());
            return null;
        }
        return content;
    }

    private Handed nextHanded() {
        Handed next = due.poll();
        if (next != null && next.content() != null) {
            carriedContent.addAndGet(-next.content().size());
        }
        return next;
    }

    /** Wakes the sender threads only for something to send: recording an event or a sweep may hand over nothing. */
    private void handOver(List<Handed> handed) {
        if (handed.isEmpty()) {
            return;
        }
        due.addAll(handed);
        wakeAll();
    }

    private void wakeAll() {
        synchronized (wakeUp) {
            generation++;
            wakeUp.notifyAll();
        }
    }

    @PostConstruct
    void start() {
        running = true;
        for (int i = 1; i <= threads; i++) {
            Thread worker = Thread.ofPlatform().name("mail-sender-" + i).daemon().unstarted(this::work);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Sends the messages it was handed as they come. One thread also looks for any due message when one should be
     * due: at start (messages recorded before a restart), when a retry this sender scheduled comes due, and at
     * least once per lease (leases of a crashed instance that ran out). Looking for "any due message" is a query a
     * store without an index on it answers by scanning the collection, holding it meanwhile (0.4 s at 27 000
     * documents in the local store), so it is never done per message or per thread on a timer.
     */
    private void work() {
        long seen = -1;
        try (MailDelivery.Connection smtp = delivery.connection()) {
            while (running) {
                synchronized (wakeUp) {
                    if (seen == generation) {
                        long wait = nextSweep() - System.nanoTime();
                        try {
                            wakeUp.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(
                                    smtp.isOpen() ? Math.min(wait, SMTP_LINGER.toNanos()) : wait)));
                        } catch (InterruptedException stopping) {
                            return;
                        }
                    }
                    seen = generation;
                }
                drain(takeSweep(), smtp);
                smtp.closeIfIdleFor(SMTP_LINGER);
            }
        }
    }

    /** The earlier of the next scheduled retry and a lease after the last sweep; call holding {@code wakeUp}. */
    private long nextSweep() {
        long backstop = lastSweep + LEASE.toNanos();
        return retriesDue.isEmpty() ? backstop : Math.min(retriesDue.first(), backstop);
    }

    /** True for the one thread that is to sweep now; the retries it covers are then forgotten. */
    private boolean takeSweep() {
        synchronized (wakeUp) {
            long now = System.nanoTime();
            if (now - nextSweep() < 0) {
                return false;
            }
            retriesDue.headSet(now, true).clear();
            lastSweep = now;
            return true;
        }
    }

    private void sweepAfter(Duration delay) {
        synchronized (wakeUp) {
            retriesDue.add(System.nanoTime() + delay.toNanos());
            wakeAll();
        }
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** Sends what is due over this thread's SMTP connection. */
    private void drain(boolean sweep, MailDelivery.Connection smtp) {
        try {
            if (sweep) {
                List<String> ids = dueIds();
                nudge(ids);
                sweptFullBatch.set(ids.size() == sweepBatch);
            }
            Handed next;
            while ((next = nextHanded()) != null) {
                Message handed = take(next);
                if (handed != null && !send(handed, next.content(), smtp)) {
                    // the breaker is open: the retry's look for all due messages finds these (those leased at
                    // recording once their leases end), so the batch they came in asks for no sweep of its own
                    leaseEnds(drainAll()).ifPresent(end -> sweepAfter(Duration.between(clock.instant(), end)));
                    sweptFullBatch.set(false);
                    return;
                }
            }
            // After a full batch the next sweep waits until its ids are all taken: at once, it would find the
            // same ones, not yet taken, and scan again and again while a backlog of more than a batch lasts.
            if (sweptFullBatch.compareAndSet(true, false)) {
                sweepAfter(Duration.ZERO);
            }
        } catch (RuntimeException storeTrouble) {
            sweepAfter(retryInterval);
            log.warn("Sending paused: {}", storeTrouble.toString());
        }
    }

    /**
     * A batch of due messages, in the store's order (about the order they were recorded); each is then taken by
     * its id like a handed-over one, by every sender thread. Not sorted by {@code dueAt}: the local store sorts
     * by matching every due message first, and when the SMTP server had been away that was thousands at every
     * sweep, 79 % of the store's time in a profile, for an order nobody needs.
     */
    private List<String> dueIds() {
        Query someDue = Query.query(due()).limit(sweepBatch);
        someDue.fields().include("_id");
        return mongo.find(someDue, Document.class, mongo.getCollectionName(Message.class))
                .stream().map(document -> document.getString("_id")).toList();
    }

    private Criteria due() {
        return Criteria.where("status").is(MessageStatus.PENDING).and("dueAt").lte(clock.instant());
    }

    private List<Handed> drainAll() {
        List<Handed> dropped = new ArrayList<>();
        for (Handed handed; (handed = nextHanded()) != null; ) {
            dropped.add(handed);
        }
        return dropped;
    }

    /** When the last lease taken at recording among these ends. */
    private static Optional<Instant> leaseEnds(List<Handed> handed) {
        return handed.stream().filter(each -> each.recorded() != null).map(each -> each.recorded().dueAt())
                .max(Instant::compareTo);
    }

    /**
     * The message to send, if it is still this sender's to send. One leased at recording with too little of the
     * lease left renews it, unless another sender took the message once the lease had ended (and moved it on).
     */
    private Message take(Handed handed) {
        Message recorded = handed.recorded();
        if (recorded == null) {
            return claim(due().and("_id").is(handed.id()));
        }
        if (!clock.instant().plus(LONGEST_SEND).isAfter(recorded.dueAt())) {
            return recorded;
        }
        return claim(Criteria.where("_id").is(handed.id()).and("status").is(MessageStatus.PENDING)
                .and("dueAt").is(recorded.dueAt()));
    }

    /** Takes the message if it still matches, for this sender alone until its lease ends. */
    private Message claim(Criteria dueMessage) {
        return mongo.findAndModify(Query.query(dueMessage),
                Update.update("dueAt", clock.instant().plus(LEASE)), FindAndModifyOptions.options().returnNew(true),
                Message.class);
    }

    /**
     * Sends one message, with its content if it was handed over with it; false when the breaker is open and
     * draining should stop for now.
     */
    private boolean send(Message message, MessageContent carried, MailDelivery.Connection smtp) {
        if (!breaker.tryAcquirePermission()) {
            dueAgainAfter(message, new Update(), retryInterval);
            return false;
        }
        long started = System.nanoTime();
        try {
            smtp.send(message, carried != null ? carried : mongo.findById(message.id(), MessageContent.class));
        } catch (RuntimeException failure) {
            recordFailure(message, failure, System.nanoTime() - started);
            return true;
        }
        breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        // The server has the message now: recording that must not give up while the store is away, or the lease
        // would run out and the message go out twice.
        StoreOutage.waitOut("recording message " + message.id() + " as sent", () -> update(message, Outbox.append(
                new Update().set("status", MessageStatus.SENT).set("sentAt", clock.instant()).inc("attempts", 1)
                        .unset("lastError").unset("dueAt"),
                clock, new MessageSent(message.id(), message.registrationId(), message.tourId(), message.kind(),
                        message.recipient(), message.language(), clock.instant()))));
        relay.nudge(mongo.getCollectionName(Message.class), message.id());
        return true;
    }

    private void recordFailure(Message message, RuntimeException failure, long tookNanos) {
        if (failure instanceof MailPreparationException || failure instanceof MailParseException) {
            // the message itself is at fault (e.g. an address that cannot be parsed), not the SMTP server
            breaker.releasePermission();
        } else {
            breaker.onError(tookNanos, TimeUnit.NANOSECONDS, failure);
        }
        int attempts = message.attempts() + 1;
        Update failed = new Update().set("attempts", attempts).set("lastError", failure.toString());
        if (attempts < maxAttempts) {
            dueAgainAfter(message, failed, backOff(attempts));
        } else {
            update(message, Outbox.append(failed.set("status", MessageStatus.FAILED).unset("dueAt"), clock,
                    new MessageFailed(message.id(), message.registrationId(), message.tourId(), message.kind(),
                            message.recipient(), message.language(), failure.toString(), attempts, clock.instant())));
            relay.nudge(mongo.getCollectionName(Message.class), message.id());
        }
        log.warn("Sending message {} failed (attempt {}): {}", message.id(), attempts, failure.toString());
    }

    /**
     * Writes the update with the message due again after the delay, then plans the sweep that finds it: planned
     * before the write, a sweep could come and go while the message still carried its lease.
     */
    private void dueAgainAfter(Message message, Update update, Duration delay) {
        update(message, update.set("dueAt", clock.instant().plus(delay)));
        sweepAfter(delay);
    }

    private void update(Message message, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.id())), update, Message.class);
    }

    private Duration backOff(int attempts) {
        return retryInterval.multipliedBy(1L << Math.min(attempts - 1, 6));
    }

    @PreDestroy
    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
    }
}
