package no.studietur.contracts;

/**
 * An event one service publishes and others consume. Every event belongs to a tour: the tour id is the
 * Kafka record key, so all events of one tour stay in order on one partition.
 */
public interface DomainEvent {

    String tourId();

    /** What the event is about (a registration, an invoice, a tour); the CloudEvents subject. */
    String subject();

    /** The registration the event concerns, if any; records with a {@code registrationId} component answer it. */
    default String registrationId() {
        return null;
    }
}
