package no.studietur.messaging;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a failure of the store's availability (it is restarting, the network hiccups) from a failure of the
 * request itself. Only the first is worth waiting out: the same write succeeds once the store is back.
 */
public final class StoreOutage {

    private StoreOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
