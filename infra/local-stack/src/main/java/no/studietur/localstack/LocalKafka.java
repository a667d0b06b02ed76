package no.studietur.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker in KRaft mode (one node, broker and controller combined) from the Maven Central
 * jars, listening on loopback only. The storage is formatted on first start and reused afterwards, so topics
 * and offsets survive a restart.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker; a port of 0 picks a free one. */
    public static LocalKafka start(Path dataDir, int port, int controllerPort) {
        int brokerPort = FreePorts.orFree(port);
        int quorumPort = FreePorts.orFree(controllerPort);
        Properties config = config(dataDir, brokerPort, quorumPort);
        try {
            Files.createDirectories(dataDir);
            formatOnce(dataDir, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        return new LocalKafka(server, brokerPort);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties config(Path dataDir, int port, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        // One node: every internal topic has a single replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "6");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("num.partitions", "6");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        return config;
    }

    private static void formatOnce(Path dataDir, Properties config) throws IOException {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            config.store(out, "Written by LocalKafka to format the storage");
        }
        var output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", file.toString(), "--ignore-formatted"}, new PrintStream(output, true));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output);
        }
    }

    /** Runs a broker as its own process: {@code LocalKafka DATA_DIR PORT CONTROLLER_PORT}. */
    public static void main(String[] args) throws InterruptedException {
        LocalKafka kafka = start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
        System.out.println("READY kafka " + kafka.bootstrapServers());
        kafka.server.awaitShutdown();
    }
}
