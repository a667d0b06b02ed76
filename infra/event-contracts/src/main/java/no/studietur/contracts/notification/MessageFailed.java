package no.studietur.contracts.notification;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** An e-mail could not be delivered after every retry; an operator may resend it. */
public record MessageFailed(String messageId, String registrationId, String tourId, String messageKind,
                            String recipient, String language, String reason, int attempts, Instant failedAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
