package no.studietur.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;

class StaticGroupMembershipTest {

    @Test
    void anInstanceWithAStableNameJoinsItsGroupsAsAStaticMemberPerDestination() {
        MessagingProperties properties = new MessagingProperties(null, null, null, null, null, null, null, "2");
        ConsumerConfigCustomizer membership = new MessagingAutoConfiguration().staticGroupMembership(properties, "catalog");
        Map<String, Object> registrations = new HashMap<>();
        Map<String, Object> tours = new HashMap<>();

        membership.configure(registrations, "events-in-0", "registrations");
        membership.configure(tours, "events-in-0", "tours");

        assertThat(registrations).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                "catalog-2-events-in-0-registrations");
        assertThat(tours).containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "catalog-2-events-in-0-tours");
    }
}
