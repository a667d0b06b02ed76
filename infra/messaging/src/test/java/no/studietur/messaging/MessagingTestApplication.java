package no.studietur.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import no.studietur.contracts.tour.TourCancelled;

/** A tiny service for the messaging tests: it consumes TourCancelled and fails on a poison reason. */
@SpringBootApplication
class MessagingTestApplication {

    static final List<ReceivedEvent<TourCancelled>> RECEIVED = new CopyOnWriteArrayList<>();
    static final String POISON = "poison";

    @Bean
    Consumer<Message<byte[]>> events() {
        return EventDispatcher.builder().on(TourCancelled.class, event -> {
            if (POISON.equals(event.data().reason())) {
                throw new IllegalStateException("cannot handle " + event.id());
            }
            RECEIVED.add(event);
        }).build();
    }
}
