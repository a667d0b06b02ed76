package no.studietur.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitGateTest {

    private final CommitGate gate = new CommitGate();
    // a thread per task: the common pool may have a single one on a small machine, which would order the tasks itself
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aCommitWaitsUntilNoWriteIsHalfApplied() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finishWrite = new CountDownLatch(1);
        CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> gate.write(() -> {
            writing.countDown();
            await(finishWrite);
            return "applied";
        }), threads);
        writing.await();

        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> gate.commit(committed::countDown), threads);

        assertThat(committed.await(300, TimeUnit.MILLISECONDS)).as("committed during a write").isFalse();
        finishWrite.countDown();
        assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("applied");
        commit.get(5, TimeUnit.SECONDS);
        assertThat(committed.getCount()).isZero();
    }

    @Test
    void noWriteStartsWhileACommitSerialises() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch finishCommit = new CountDownLatch(1);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> gate.commit(() -> {
            committing.countDown();
            await(finishCommit);
        }), threads);
        committing.await();

        CountDownLatch applied = new CountDownLatch(1);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> gate.write(() -> {
            applied.countDown();
            return null;
        }), threads);

        assertThat(applied.await(300, TimeUnit.MILLISECONDS)).as("applied during a commit").isFalse();
        finishCommit.countDown();
        commit.get(5, TimeUnit.SECONDS);
        write.get(5, TimeUnit.SECONDS);
        assertThat(applied.getCount()).isZero();
    }

    @Test
    void writesApplySideBySide() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> gate.write(() -> meetOther(bothInside)), threads);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> gate.write(() -> meetOther(bothInside)), threads);

        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean meetOther(CountDownLatch bothInside) {
        bothInside.countDown();
        try {
            return bothInside.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
