package no.studietur.web;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/** A well-formed request the domain refuses, e.g. a registration for a closed tour; answered as problem+json. */
public class RequestRefused extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Duration retryAfter;

    public RequestRefused(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    private RequestRefused(HttpStatus status, String title, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    /** Refused for now, not for what it asks: the same request may succeed after {@code retryAfter} (429). */
    public static RequestRefused busy(String detail, Duration retryAfter) {
        return new RequestRefused(HttpStatus.TOO_MANY_REQUESTS, "Busy", detail, retryAfter);
    }

    public static RequestRefused notFound(String what) {
        return new RequestRefused(HttpStatus.NOT_FOUND, "Not found", what + " does not exist");
    }

    /** A change the resource's current state does not allow, e.g. editing a cancelled tour. */
    public static RequestRefused notAllowedNow(String detail) {
        return new RequestRefused(HttpStatus.CONFLICT, "Not allowed now", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
