package no.studietur.localstack;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets write commands change H2's maps side by side, but never while a commit serialises them. Under load H2
 * 2.4.240 twice lost track of a chunk: the committing thread waited for it for ever, spinning a core, and every
 * command queued behind it; first with MVStore's background writer, then, with that off, on the writing thread.
 * Pages changing under a commit was the concurrency left. The hang was never reproduced outside the platform, so the
 * runs since are the evidence (docs/benchmarks.md). Writes that finish while a commit runs are committed by the
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
