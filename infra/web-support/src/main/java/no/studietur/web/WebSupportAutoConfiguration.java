package no.studietur.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: the public paths a service lists are open, health is open, and everything else needs the
 * OPERATOR role. In local mode the operator logs in with HTTP Basic and development credentials; without
 * them configured there is no operator login at all (production plugs in its identity provider here).
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessProperties.class)
@Import(ProblemDetails.class)
public class WebSupportAutoConfiguration {

    public static final String OPERATOR = "OPERATOR";
    public static final String PARTNER = "PARTNER";
    private static final int SOCKET_BUFFER_BYTES = 2048;

    /** Whether the caller (possibly anonymous, possibly absent) holds the role. */
    public static boolean hasRole(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
    }

    /** "GET /api/tours/*" or "/api/tours/*": a pattern, optionally restricted to one HTTP method. */
    private static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl matcher(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests, String path) {
        String[] methodAndPattern = path.trim().split("\\s+", 2);
        return methodAndPattern.length == 2
                ? requests.requestMatchers(HttpMethod.valueOf(methodAndPattern[0]), methodAndPattern[1])
                : requests.requestMatchers(methodAndPattern[0]);
    }

    @Bean
    SecurityFilterChain accessRules(HttpSecurity http, AccessProperties access,
                                    List<AccessCustomizer> customizers) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/actuator/health/**", "/actuator/health", "/error", "/asyncapi.yaml",
                    "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
            access.publicPaths().forEach(path -> matcher(requests, path).permitAll());
            access.partnerPaths().forEach(path -> matcher(requests, path).hasRole(PARTNER));
            requests.anyRequest().hasRole(OPERATOR);
        });
        for (AccessCustomizer customizer : customizers) {
            customizer.customize(http);
        }
        http.httpBasic(Customizer.withDefaults());
        // The API is called by programs, not by a logged-in browser: no session cookie, so no CSRF to guard.
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * No observation around each of Spring Security's filters, authentications and authorizations. Nothing here
     * traces requests, and wrapping each of the chain's dozen filters in an observation of its own took about 5 %
     * of the registration service's CPU under load (async-profiler, docs/benchmarks.md). The HTTP server's own
     * observation of each request, which the request metrics come from, stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Bodies over {@code studietur.access.max-request-bytes} (256 KiB by default) are refused unread. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${studietur.access.max-request-bytes:262144}") long maxBytes) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Socket buffers of 2 KB instead of Tomcat's 8 KB for reading and 8 KB for writing, per open connection: a
     * request or answer here is a few KB at most (longer ones take a few more reads or writes), and a rush keeps
     * thousands of connections open at once. In a rush of 5 000 attempts in 5 s these buffers held about 30 MB of the
     * registration service's live heap (docs/benchmarks.md), which then grew its heap for good.
     */
    @Bean
    TomcatConnectorCustomizer smallSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
            connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
        };
    }

    @Bean
    UserDetailsService operators(AccessProperties access) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (access.operatorUsername() != null && access.operatorPassword() != null) {
            users.createUser(User.withUsername(access.operatorUsername())
                    .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(access.operatorPassword()))
                    .roles(OPERATOR).build());
        }
        return users;
    }
}
