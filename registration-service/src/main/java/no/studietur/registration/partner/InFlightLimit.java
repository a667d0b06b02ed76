package no.studietur.registration.partner;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import no.studietur.web.ProblemResponses;

/**
 * Load shedding at the door: at most {@code maxInFlight} API requests are worked on at once (a Resilience4j
 * bulkhead that never waits); one more is answered 429 with Retry-After at once. Under a rush the caller learns
 * to come back in a second instead of queueing in the server until its own timeout.
 */
final class InFlightLimit extends OncePerRequestFilter {

    private final Bulkhead bulkhead;

    InFlightLimit(int maxInFlight) {
        this.bulkhead = Bulkhead.of("api-in-flight", BulkheadConfig.custom().maxConcurrentCalls(maxInFlight)
                .maxWaitDuration(Duration.ZERO).build());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bulkhead.tryAcquirePermission()) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Busy",
                    "Too many requests are being handled right now; try again after the time in Retry-After");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bulkhead.onComplete();
        }
    }
}
