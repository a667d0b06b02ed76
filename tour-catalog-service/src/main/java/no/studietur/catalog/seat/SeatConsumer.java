package no.studietur.catalog.seat;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.messaging.EventDispatcher;

/** The catalog's consumer: registration events become seat decisions. */
@Configuration
class SeatConsumer {

    @Bean
    Consumer<Message<byte[]>> events(SeatService seats) {
        return EventDispatcher.builder()
                .on(RegistrationPlaced.class, event -> seats.decide(event.data()))
                .on(CancellationRequested.class, event -> seats.cancel(event.data()))
                .build();
    }
}
