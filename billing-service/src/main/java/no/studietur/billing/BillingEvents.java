package no.studietur.billing;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.studietur.billing.invoice.InvoiceService;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.messaging.EventDispatcher;

@Configuration
class BillingEvents {

    @Bean
    Consumer<Message<byte[]>> events(InvoiceService invoices) {
        return EventDispatcher.builder()
                .on(RegistrationConfirmed.class, event -> invoices.issueFor(event.data()))
                .on(RegistrationCancelled.class, invoices::creditFor)
                .on(ParticipantSubstituted.class, invoices::substitute)
                .build();
    }
}
