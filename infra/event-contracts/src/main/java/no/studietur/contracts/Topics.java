package no.studietur.contracts;

/** The Kafka topics of the platform, one per producing domain. */
public final class Topics {

    public static final String TOURS = "tours";
    public static final String REGISTRATIONS = "registrations";
    public static final String SEATS = "seats";
    public static final String BILLING = "billing";
    public static final String NOTIFICATIONS = "notifications";

    private Topics() {
    }
}
