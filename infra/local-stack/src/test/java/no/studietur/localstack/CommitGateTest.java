package no.studietur.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
        assertTheSecondWaitsWhileTheFirstIsInside(this::write, gate::commit);
    }

    @Test
    void noWriteStartsWhileACommitSerialises() throws Exception {
        assertTheSecondWaitsWhileTheFirstIsInside(gate::commit, this::write);
    }

    @Test
    void writesApplySideBySide() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> gate.write(() -> meetOther(bothInside)), threads);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> gate.write(() -> meetOther(bothInside)), threads);

        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private void write(Runnable change) {
        gate.write(() -> {
            change.run();
            return null;
        });
    }

    private void assertTheSecondWaitsWhileTheFirstIsInside(Consumer<Runnable> first, Consumer<Runnable> second)
            throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> first.accept(() -> {
            inside.countDown();
            await(leave);
        }), threads);
        inside.await();

        CountDownLatch ran = new CountDownLatch(1);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> second.accept(ran::countDown), threads);

        assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("ran while the other was inside the gate").isFalse();
        leave.countDown();
        holding.get(5, TimeUnit.SECONDS);
        waiting.get(5, TimeUnit.SECONDS);
        assertThat(ran.getCount()).isZero();
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
