package no.studietur.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the APIs as application/problem+json. Validation failures name each bad field under
 * {@code errors}; a domain refusal ({@link RequestRefused}) carries its own status and detail; an unreachable store
 * is 503 with Retry-After.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetails extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler(InvalidFields.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFields invalid) {
        return ResponseEntity.badRequest().body(invalid(invalid.errors()));
    }

    private static ProblemDetail invalid(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s)");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The store is away (restarting, unreachable). Whether a write got through before it went is unknown; the
     * answer invites the retry that settles it (a registration sent again with its Idempotency-Key, a payment with
     * its bank reference, a tour with its id: none is stored twice).
     */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException unavailable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its store right now; try again shortly");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.getMessage());
        problem.setTitle(refused.title());
        var answer = ResponseEntity.status(refused.status());
        refused.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
        return answer.body(problem);
    }
}
