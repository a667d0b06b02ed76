package no.studietur.registration;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.studietur.contracts.seat.SeatsRejected;
import no.studietur.contracts.seat.SeatsReleased;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.contracts.tour.TourCancelled;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.contracts.tour.TourUpdated;
import no.studietur.messaging.EventDispatcher;
import no.studietur.registration.registration.RegistrationService;
import no.studietur.registration.tour.TourReadModels;

/** Registration consumes the catalog's tour events (read model) and seat decisions (saga). */
@Configuration
class RegistrationEvents {

    @Bean
    Consumer<Message<byte[]>> events(TourReadModels tours, RegistrationService registrations) {
        return EventDispatcher.builder()
                .on(TourPublished.class, event -> tours.apply(event.data()))
                .on(TourUpdated.class, event -> tours.apply(event.data()))
                .on(TourRegistrationClosed.class, event -> tours.apply(event.data()))
                .on(TourCancelled.class, event -> {
                    tours.apply(event.data());
                    registrations.tourCancelled(event);
                })
                .on(SeatsReserved.class, event -> {
                    registrations.seatsReserved(event);
                    tours.seatsLeft(event.data().tourId(), event.data().seatsLeft(), event.data().decidedAt());
                })
                .on(SeatsWaitlisted.class, registrations::seatsWaitlisted)
                .on(SeatsRejected.class, registrations::seatsRejected)
                .on(SeatsReleased.class, event -> {
                    registrations.seatsReleased(event);
                    tours.seatsLeft(event.data().tourId(), event.data().seatsLeft(), event.data().releasedAt());
                })
                .build();
    }
}
