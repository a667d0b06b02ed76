package no.studietur.messaging;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a failure of the store's availability (it is restarting, the network hiccups) from a failure of the
 * request itself. Only the first is worth waiting out: the same write succeeds once the store is back.
 */
public final class StoreOutage {

    private static final Logger log = LoggerFactory.getLogger(StoreOutage.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private StoreOutage() {
    }

    /**
     * Runs an idempotent step until it gets through, pausing (200 ms doubling to 2 s) while the store is away;
     * any other failure, or an interrupt while pausing, is thrown at once.
     */
    public static void waitOut(String what, Runnable step) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                step.run();
                return;
            } catch (RuntimeException failure) {
                if (!causedBy(failure)) {
                    throw failure;
                }
                log.warn("Store unreachable while {}; retrying in {} ms: {}", what, pause.toMillis(),
                        failure.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
                pause = pause.multipliedBy(2);
                if (pause.compareTo(LONGEST_PAUSE) > 0) {
                    pause = LONGEST_PAUSE;
                }
            }
        }
    }

    private static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
