package no.studietur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB wire-compatible server (mongo-java-server) on loopback: in memory for tests, or in an H2 MVStore
 * file so the local platform keeps its data across restarts. It has no multi-document transactions, which the
 * services do not need: every state change and its events are one single-document write.
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;

    private LocalMongo(MongoServer server, MongoBackend backend) {
        this.server = server;
        this.backend = backend;
    }

    public static LocalMongo inMemory() {
        return start(IdLookupH2Backend.inMemoryStore(), 0);
    }

    public static LocalMongo onDisk(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(IdLookupH2Backend.fileStore(file.toString()), port);
    }

    /**
     * Commands are handled on these threads, and a write holds its thread until the file store has committed it.
     * Writes that wait meanwhile are committed together by the next commit, so the more threads, the more writes
     * share one: with Netty's default of two per core, the four threads mostly waited for each other's commits and
     * every service's writes queued behind them.
     */
    private static final int COMMAND_THREADS = 32;

    /** Serves the backend on the port (0: a free one); closing the result closes the backend too. */
    static LocalMongo start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", FreePorts.orFree(port)), 1, COMMAND_THREADS);
        return new LocalMongo(server, backend);
    }

    /** The connection string of one database, e.g. {@code mongodb://127.0.0.1:27017/registration}. */
    public String uri(String database) {
        var address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }

    /** Runs the store as its own process: {@code LocalMongo FILE PORT}. */
    public static void main(String[] args) throws InterruptedException {
        LocalMongo mongo = onDisk(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "mongo-shutdown"));
        System.out.println("READY mongo " + mongo.uri(""));
        Thread.currentThread().join();
    }
}
