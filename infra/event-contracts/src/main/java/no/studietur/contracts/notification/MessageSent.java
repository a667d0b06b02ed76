package no.studietur.contracts.notification;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** An e-mail was handed to the SMTP server. */
public record MessageSent(String messageId, String registrationId, String tourId, String messageKind,
                          String recipient, String language, Instant sentAt) implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
