package no.studietur.notification.message;

/** PENDING until the SMTP server accepted it (SENT), or until every attempt failed (FAILED, resendable). */
public enum MessageStatus {
    PENDING, SENT, FAILED
}
