package no.studietur.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;

import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.testsupport.SampleConfirmation;

class EventDispatcherTest {

    private final RegistrationConfirmed confirmed = SampleConfirmation.of("tour-1",
            List.of(SampleConfirmation.participant("Ola Nordmann", "ola@example.no", "nb")));

    private Message<byte[]> record() {
        return MessageBuilder.withPayload(EventJson.write(confirmed))
                .setHeader(CloudEventHeaders.ID, "event-1")
                .setHeader(CloudEventHeaders.TYPE, EventType.of(confirmed).ceType()).build();
    }

    @Test
    void waitsOutAStoreOutageInsteadOfGivingTheRecordUp() {
        AtomicInteger attempts = new AtomicInteger();
        EventDispatcher dispatcher = EventDispatcher.builder().on(RegistrationConfirmed.class, event -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new DataAccessResourceFailureException("store restarting",
                        new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress()));
            }
        }).build();

        dispatcher.accept(record());

        assertThat(attempts).hasValue(4);
    }

    @Test
    void handsAnyOtherFailureToTheBinderAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        EventDispatcher dispatcher = EventDispatcher.builder().on(RegistrationConfirmed.class, event -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug, not an outage");
        }).build();

        assertThatThrownBy(() -> dispatcher.accept(record())).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
