package no.studietur.notification.message;

public enum MessageStatus {
    PENDING, SENT, FAILED
}
