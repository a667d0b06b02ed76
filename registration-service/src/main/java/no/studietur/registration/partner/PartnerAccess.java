package no.studietur.registration.partner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import no.studietur.web.AccessCustomizer;
import no.studietur.web.ProblemResponses;
import no.studietur.web.WebSupportAutoConfiguration;

/**
 * Partner clients authenticate with {@code X-Api-Key}; every caller but an operator is rate-limited with
 * Resilience4j, partners per key and everyone else per client address, and answered 429 with Retry-After when
 * over the limit. Whoever calls, no more than {@code max-in-flight} API requests are worked on at once
 * ({@link InFlightLimit}).
 */
@Component
class PartnerAccess implements AccessCustomizer {

    static final String HEADER = "X-Api-Key";

    private final PartnerService partners;
    private final RateLimiterRegistry limiters;
    private final RateLimiterConfig partnerLimit;
    private final RateLimiterConfig addressLimit;
    private final InFlightLimit inFlight;

    PartnerAccess(PartnerService partners,
                  @Value("${studietur.registration.rate-limit.partner-per-second:50}") int partnerPerSecond,
                  @Value("${studietur.registration.rate-limit.address-per-second:10}") int addressPerSecond,
                  @Value("${studietur.registration.rate-limit.max-in-flight:16}") int maxInFlight) {
        this.partners = partners;
        this.inFlight = new InFlightLimit(maxInFlight);
        this.partnerLimit = limit(partnerPerSecond);
        this.addressLimit = limit(addressPerSecond);
        this.limiters = RateLimiterRegistry.of(addressLimit);
    }

    @Override
    public void customize(HttpSecurity http) {
        http.addFilterBefore(inFlight, BasicAuthenticationFilter.class);
        http.addFilterBefore(new ApiKeyFilter(), BasicAuthenticationFilter.class);
        http.addFilterAfter(new RateLimitFilter(), BasicAuthenticationFilter.class);
    }

    private static RateLimiterConfig limit(int perSecond) {
        return RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    private final class ApiKeyFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(HEADER);
            if (key == null) {
                chain.doFilter(request, response);
                return;
            }
            var partner = partners.byKey(key.strip());
            if (partner.isEmpty()) {
                ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unknown API key",
                        "The " + HEADER + " header does not name a partner");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    partner.get().id(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + WebSupportAutoConfiguration.PARTNER))));
            chain.doFilter(request, response);
        }
    }

    private final class RateLimitFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (!request.getRequestURI().startsWith("/api/") || WebSupportAutoConfiguration.hasRole(caller, WebSupportAutoConfiguration.OPERATOR)) {
                chain.doFilter(request, response);
                return;
            }
            RateLimiter limiter = WebSupportAutoConfiguration.hasRole(caller, WebSupportAutoConfiguration.PARTNER)
                    ? limiters.rateLimiter("partner:" + caller.getName(), partnerLimit)
                    : limiters.rateLimiter("address:" + request.getRemoteAddr(), addressLimit);
            if (!limiter.acquirePermission()) {
                response.setHeader("Retry-After", "1");
                ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "Over "
                        + limiter.getRateLimiterConfig().getLimitForPeriod()
                        + " requests per second; try again after the time in Retry-After");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
