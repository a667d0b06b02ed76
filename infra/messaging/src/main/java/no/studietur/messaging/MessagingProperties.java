package no.studietur.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param source             the CloudEvents source of what this service publishes, e.g. {@code /registration-service}
 * @param outboxCollections  the collections whose documents carry an outbox for the relay to publish
 * @param producedTopics     the topics this service writes; created at start-up with {@code partitions}
 * @param partitions         partitions per topic: the upper bound of consumer instances per group
 * @param pollInterval       how often the relay sweeps its collections for events nobody told it about (30 s: every
 *                           writer tells it, so the sweep is only the backstop for a writer that died first)
 * @param batchSize          how many documents the relay takes per round
 * @param pullDelay          how long published events may stay in their documents, so that the relay takes those of
 *                           many documents out in one write (500 ms); a crash within it publishes them again
 * @param instanceId         this instance's stable name among its service's instances (e.g. a pod ordinal);
 *                           when set, consumers use Kafka static membership
 */
@ConfigurationProperties("studietur.messaging")
public record MessagingProperties(String source, List<String> outboxCollections, List<String> producedTopics,
                                  Integer partitions, Duration pollInterval, Integer batchSize,
                                  Duration pullDelay, String instanceId) {

    public MessagingProperties {
        outboxCollections = outboxCollections == null ? List.of() : List.copyOf(outboxCollections);
        producedTopics = producedTopics == null ? List.of() : List.copyOf(producedTopics);
        partitions = partitions == null ? 6 : partitions;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        pullDelay = pullDelay == null ? Duration.ofMillis(500) : pullDelay;
    }
}
