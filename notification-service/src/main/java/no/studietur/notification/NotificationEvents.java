package no.studietur.notification;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceOverdue;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.registration.RegistrationWaitlisted;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourUpdated;
import no.studietur.messaging.EventDispatcher;
import no.studietur.notification.message.Notifications;
import no.studietur.notification.tour.TourPrograms;

@Configuration
class NotificationEvents {

    @Bean
    Consumer<Message<byte[]>> events(Notifications notifications, TourPrograms tours) {
        return EventDispatcher.builder()
                .on(TourPublished.class, event -> tours.remember(event.data().tourId(), event.data().tour()))
                .on(TourUpdated.class, event -> tours.remember(event.data().tourId(), event.data().tour()))
                .on(RegistrationPlaced.class, notifications::registrationPlaced)
                .on(RegistrationConfirmed.class, notifications::registrationConfirmed)
                .on(RegistrationWaitlisted.class, notifications::registrationWaitlisted)
                .on(RegistrationCancelled.class, notifications::registrationCancelled)
                .on(ParticipantSubstituted.class, notifications::participantSubstituted)
                .on(InvoiceIssued.class, notifications::invoiceIssued)
                .on(InvoiceOverdue.class, notifications::invoiceOverdue)
                .build();
    }

    /** Plain-text parts of the e-mails; Boot's own resolver handles the HTML ones. */
    @Bean
    ITemplateResolver textMailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of("*.txt"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(1);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
