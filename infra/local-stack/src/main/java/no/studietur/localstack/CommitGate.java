package no.studietur.localstack;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets write commands change H2's maps side by side, but never while a commit serialises them. H2 2.4.240 lost
 * track of a chunk when pages changed under a commit: the committing thread then waited for that chunk for ever,
 * spinning a core, and every command queued behind it (seen under load both with MVStore's background writer and,
 * after that was turned off, on the writing thread). Writes that finish while a commit runs are committed by the
 * next one, so writes still share commits.
 */
final class CommitGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T write(Supplier<T> write) {
        lock.readLock().lock();
        try {
            return write.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    void commit(Runnable commit) {
        lock.writeLock().lock();
        try {
            commit.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
