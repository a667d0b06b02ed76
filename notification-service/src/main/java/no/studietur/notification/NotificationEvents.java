package no.studietur.notification;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.messaging.EventDispatcher;
import no.studietur.notification.message.MessageService;

@Configuration
class NotificationEvents {

    @Bean
    Consumer<Message<byte[]>> events(MessageService messages) {
        return EventDispatcher.builder()
                .on(RegistrationConfirmed.class, messages::registrationConfirmed)
                .build();
    }

    /** Plain-text parts of the e-mails; Boot's own resolver handles the HTML ones. */
    @Bean
    ITemplateResolver textMailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(java.util.Set.of("*.txt"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(1);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
