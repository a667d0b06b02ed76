package no.studietur.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** The load generator: HTTP POSTs at a fixed rate (open model) or from a fixed number of callers (closed model). */
final class LoadClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    /** One request's outcome: when it was sent (nanoTime), how long it took, its status (0 timeout, -1 error). */
    record Outcome(long sentAt, long latencyNanos, int status, String body) {

        /** The status of a request that had no answer within the timeout. */
        static final int TIMED_OUT = 0;
        /** The status of a request whose connection failed. */
        static final int CONNECTION_ERROR = -1;

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        boolean connectionError() {
            return status == CONNECTION_ERROR;
        }

        boolean timedOut() {
            return status == TIMED_OUT;
        }

        /**
         * Not an answer the API promises: a 5xx, a connection error, or no answer within the timeout, which an
         * overloaded server should have refused with a 429 instead.
         */
        boolean unexpected() {
            return status >= 500 || connectionError() || timedOut();
        }
    }

    /** Sends {@code count} requests spread evenly over {@code duration}, whatever the answers take. */
    List<Outcome> atRate(URI uri, int count, Duration duration, IntFunction<String> body) throws InterruptedException {
        List<CompletableFuture<Outcome>> pending = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = duration.toNanos() / count;
        for (int i = 0; i < count; i++) {
            int index = i;
            clock.schedule(() -> pending.add(send(uri, body.apply(index))), i * intervalNanos, TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** {@code callers} callers, each sending its next request as soon as the last was answered, for a while. */
    List<Outcome> closed(URI uri, int callers, Duration duration, IntFunction<String> body) throws InterruptedException {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            int offset = caller * 1_000_000;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    outcomes.add(send(uri, body.apply(offset + i)).join());
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(outcomes);
    }

    /** A POST of JSON; {@code headers} are name, value pairs (e.g. an Idempotency-Key). */
    CompletableFuture<Outcome> send(URI uri, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        HttpRequest request = builder.build();
        long sent = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Outcome(sent, System.nanoTime() - sent, response.statusCode(), response.body()))
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    int status = cause instanceof HttpTimeoutException ? Outcome.TIMED_OUT : Outcome.CONNECTION_ERROR;
                    return new Outcome(sent, System.nanoTime() - sent, status, cause.toString());
                });
    }

    String get(URI uri, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    /** An operator's POST; the answer's status and body. */
    HttpResponse<String> post(URI uri, String json, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
