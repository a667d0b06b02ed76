package no.studietur.benchmark;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the platform's topics hold and its consumer groups have consumed, summed over all of them: two
 * readings around a load say how many records a registration cost to produce and to consume.
 */
record KafkaRecords(long produced, long consumed) {

    /** The benchmark's own consumer groups, which are not the platform's work. */
    private static final String BENCHMARK_GROUPS = "benchmark-";

    static KafkaRecords read(String bootstrapServers) throws ExecutionException, InterruptedException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            var topics = admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> ends = topics.values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            long produced = admin.listOffsets(ends).all().get().values().stream()
                    .mapToLong(end -> end.offset()).sum();
            long consumed = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                if (group.groupId().startsWith(BENCHMARK_GROUPS)) {
                    continue;
                }
                consumed += admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                        .values().stream().filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
            }
            return new KafkaRecords(produced, consumed);
        }
    }

    KafkaRecords since(KafkaRecords earlier) {
        return new KafkaRecords(produced - earlier.produced, consumed - earlier.consumed);
    }
}
