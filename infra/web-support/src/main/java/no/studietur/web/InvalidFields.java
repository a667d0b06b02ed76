package no.studietur.web;

import java.util.Map;

/** Fields that pass the annotations but fail a domain check (e.g. a check digit); answered like them, as 400. */
public class InvalidFields extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidFields(Map<String, String> errors) {
        super("Invalid fields: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
