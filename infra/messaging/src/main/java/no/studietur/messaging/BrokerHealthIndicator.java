package no.studietur.messaging;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Kafka readiness: the cluster answers and has at least one broker. */
class BrokerHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;

    BrokerHealthIndicator(Admin admin) {
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
        int brokers = cluster.nodes().get(3, TimeUnit.SECONDS).size();
        (brokers > 0 ? builder.up() : builder.down()).withDetail("brokers", brokers)
                .withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS));
    }
}
