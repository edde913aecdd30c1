package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.promoattribution.local.LocalKafkaBroker;

/**
 * On a real broker: at start, an instance takes out of its group the static members an earlier
 * process of the same instance left above its thread count (a replaced thread's {@code <id>-2}),
 * which the group would otherwise wait for until their sessions time out.
 */
class ReplacedThreadMembersIT {
    private static final String GROUP = "leftovers";

    @Test
    void membersAnEarlierProcessLeftAboveTheThreadCountAreRemovedAtStart() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder().build().start();
             Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("clicks", 1, (short) 1))).all().get();
            // What killed processes leave: static members that stay for their session (90 s here).
            leaveBehind(broker, "pod-0-1", "pod-0-2", "pod-1-2");
            assertThat(members(admin)).containsExactlyInAnyOrder("pod-0-1", "pod-0-2", "pod-1-2");

            try (ReplacedThreadMembers members = ReplacedThreadMembers.of(Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG, GROUP,
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "pod-0")).orElseThrow()) {
                members.removeLeftovers(1, Duration.ofSeconds(30));

                // pod-0-1 is this process's own thread's id, taken back by it; pod-1 is another instance.
                Awaitility.await("pod-0-2 removed").atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(members(admin)).containsExactlyInAnyOrder("pod-0-1", "pod-1-2"));
            }
        }
    }

    /** Members that join one generation of the group together, then stop without leaving it. */
    private static void leaveBehind(LocalKafkaBroker broker, String... instanceIds) {
        List<KafkaConsumer<byte[], byte[]>> consumers = Stream.of(instanceIds).map(id -> {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                    ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id,
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 90_000),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of("clicks"));
            return consumer;
        }).toList();
        Awaitility.await("all joined one generation").atMost(Duration.ofSeconds(60)).until(() -> {
            consumers.forEach(c -> c.poll(Duration.ofMillis(100)));
            Set<Integer> generations = consumers.stream().map(c -> c.groupMetadata().generationId())
                    .collect(Collectors.toSet());
            return generations.size() == 1 && generations.iterator().next() > 0;
        });
        consumers.forEach(c -> c.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)));
    }

    private static List<String> members(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get().members().stream()
                .map(MemberDescription::groupInstanceId).flatMap(Optional::stream).toList();
    }
}
