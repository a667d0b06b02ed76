package no.studietur.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import no.studietur.contracts.billing.CreditNoteIssued;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceOverdue;
import no.studietur.contracts.billing.PaymentRecorded;
import no.studietur.contracts.notification.MessageFailed;
import no.studietur.contracts.notification.MessageSent;
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.registration.RegistrationWaitlisted;
import no.studietur.contracts.seat.SeatsRejected;
import no.studietur.contracts.seat.SeatsReleased;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.contracts.tour.TourCancelled;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.contracts.tour.TourUpdated;

/**
 * Every event type with its topic and version. The CloudEvents type ({@code ce_type}) is derived from them,
 * e.g. {@code no.studietur.registrations.RegistrationPlaced.v1}; a breaking change gets a new record and a
 * new constant with the next version, and both are published side by side while consumers move over.
 */
public enum EventType {

    TOUR_PUBLISHED(Topics.TOURS, TourPublished.class, 1),
    TOUR_UPDATED(Topics.TOURS, TourUpdated.class, 1),
    TOUR_REGISTRATION_CLOSED(Topics.TOURS, TourRegistrationClosed.class, 1),
    TOUR_CANCELLED(Topics.TOURS, TourCancelled.class, 1),

    REGISTRATION_PLACED(Topics.REGISTRATIONS, RegistrationPlaced.class, 1),
    REGISTRATION_CONFIRMED(Topics.REGISTRATIONS, RegistrationConfirmed.class, 1),
    REGISTRATION_WAITLISTED(Topics.REGISTRATIONS, RegistrationWaitlisted.class, 1),
    CANCELLATION_REQUESTED(Topics.REGISTRATIONS, CancellationRequested.class, 1),
    REGISTRATION_CANCELLED(Topics.REGISTRATIONS, RegistrationCancelled.class, 1),
    PARTICIPANT_SUBSTITUTED(Topics.REGISTRATIONS, ParticipantSubstituted.class, 1),

    SEATS_RESERVED(Topics.SEATS, SeatsReserved.class, 1),
    SEATS_WAITLISTED(Topics.SEATS, SeatsWaitlisted.class, 1),
    SEATS_RELEASED(Topics.SEATS, SeatsReleased.class, 1),
    SEATS_REJECTED(Topics.SEATS, SeatsRejected.class, 1),

    INVOICE_ISSUED(Topics.BILLING, InvoiceIssued.class, 1),
    CREDIT_NOTE_ISSUED(Topics.BILLING, CreditNoteIssued.class, 1),
    PAYMENT_RECORDED(Topics.BILLING, PaymentRecorded.class, 1),
    INVOICE_OVERDUE(Topics.BILLING, InvoiceOverdue.class, 1),

    MESSAGE_SENT(Topics.NOTIFICATIONS, MessageSent.class, 1),
    MESSAGE_FAILED(Topics.NOTIFICATIONS, MessageFailed.class, 1);

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String topic;
    private final Class<? extends DomainEvent> payloadClass;
    private final int version;
    private final String ceType;

    EventType(String topic, Class<? extends DomainEvent> payloadClass, int version) {
        this.topic = topic;
        this.payloadClass = payloadClass;
        this.version = version;
        this.ceType = "no.studietur." + topic + "." + payloadClass.getSimpleName() + ".v" + version;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends DomainEvent> payloadClass() {
        return payloadClass;
    }

    public int version() {
        return version;
    }

    public String ceType() {
        return ceType;
    }

    /** Empty for a type this build does not know (a newer producer): consumers skip those. */
    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static EventType of(DomainEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<? extends DomainEvent> eventClass) {
        EventType type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("Not a registered event: " + eventClass.getName());
        }
        return type;
    }
}
