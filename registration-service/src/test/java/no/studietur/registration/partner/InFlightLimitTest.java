package no.studietur.registration.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class InFlightLimitTest {

    @Test
    void answersOneRequestTooMany429AtOnceAndLetsTheNextInWhenOneIsDone() throws Exception {
        InFlightLimit limit = new InFlightLimit(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = Thread.ofVirtual().start(() -> {
            try {
                limit.doFilter(api(), new MockHttpServletResponse(), (request, response) -> {
                    inside.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse shed = new MockHttpServletResponse();
        limit.doFilter(api(), shed, (request, response) -> {
            throw new AssertionError("must not get in while the first is being handled");
        });
        assertThat(shed.getStatus()).isEqualTo(429);
        assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(shed.getContentType()).startsWith("application/problem+json");

        MockHttpServletResponse page = new MockHttpServletResponse();
        limit.doFilter(new MockHttpServletRequest("GET", "/tours"), page, (request, response) -> { });
        assertThat(page.getStatus()).as("web pages are not limited").isEqualTo(200);

        release.countDown();
        slow.join();
        MockHttpServletResponse next = new MockHttpServletResponse();
        limit.doFilter(api(), next, (request, response) -> { });
        assertThat(next.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("POST", "/api/registrations");
    }
}
