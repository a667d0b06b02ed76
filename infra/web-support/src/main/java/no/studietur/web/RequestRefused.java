package no.studietur.web;

import org.springframework.http.HttpStatus;

/** A well-formed request the domain refuses, e.g. a registration for a closed tour; answered as problem+json. */
public class RequestRefused extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public RequestRefused(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
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
}
