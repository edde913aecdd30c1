package org.promoattribution.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.promoattribution.config.Topics;
import org.promoattribution.streams.PreviousRerouting;

/**
 * Creates the pipeline's topics when they are missing and checks the ones that exist: clicks,
 * conversions and adjustments must have the same number of partitions, since a session's clicks and
 * orders meet on one partition, and an order's adjustments meet its decision on the partition of
 * its conversionId (the decisions' repartition topic has as many partitions as conversions). Input topics are created with the broker's append time as record
 * timestamp: retention then counts from arrival, so a replay of last month's events stamped with
 * their event times is not deleted before it is processed (the pipeline orders and judges records
 * by the event time inside them, never by the record timestamp).
 */
public final class TopicSetup {
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration VISIBLE_POLL = Duration.ofMillis(100);

    private TopicSetup() {
    }

    public static void ensure(Admin admin, Topics topics, int partitions, short replication)
            throws ExecutionException, InterruptedException {
        Map<String, Map<String, String>> wanted = new HashMap<>();
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        for (String topic : List.of(topics.credited(), topics.invalid(), topics.unattributed(), topics.deadLetter(),
                topics.adjusted())) {
            wanted.put(topic, Map.of());
        }
        Map<String, String> byArrival = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        wanted.put(topics.clicks(), byArrival);
        wanted.put(topics.conversions(), byArrival);
        wanted.put(topics.adjustments(), byArrival);
        wanted.put(topics.promoCodes(), compacted);
        wanted.put(topics.validatedPromoCodes(), compacted);
        wanted.put(topics.commissionTerms(), compacted);
        wanted.put(topics.validatedCommissionTerms(), compacted);
        wanted.put(topics.usage(), compacted);

        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((topic, configs) -> {
            if (!existing.contains(topic)) {
                int count = topics.definitionTables().contains(topic) ? 1 : partitions;
                missing.add(new NewTopic(topic, count, replication).configs(configs));
            }
        });
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
        Map<String, TopicDescription> described = awaitVisible(admin, List.copyOf(wanted.keySet()));
        int clickPartitions = described.get(topics.clicks()).partitions().size();
        int conversionPartitions = described.get(topics.conversions()).partitions().size();
        int adjustmentPartitions = described.get(topics.adjustments()).partitions().size();
        if (clickPartitions != conversionPartitions || adjustmentPartitions != conversionPartitions) {
            throw new IllegalStateException("topics " + topics.clicks() + " (" + clickPartitions + " partitions), "
                    + topics.conversions() + " (" + conversionPartitions + ") and " + topics.adjustments() + " ("
                    + adjustmentPartitions + ") must have the same number of partitions: a session's clicks and "
                    + "conversions are attributed on one partition, and an order's adjustments meet its decision "
                    + "on the partition of its conversionId");
        }
    }

    /**
     * Describes {@code names} once every broker answering us knows them: a topic just created is
     * known to the controller before the brokers' metadata catch up, and until then a describe, a
     * produce or a config read is refused with UnknownTopicOrPartition (seen on our own one-node
     * stack, so a fresh cluster is no different).
     */
    private static Map<String, TopicDescription> awaitVisible(Admin admin, List<String> names)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
                if (described.values().stream().allMatch(TopicSetup::hasLeaders)) {
                    return described;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " were created but the cluster did not show "
                        + "them with a leader for every partition within " + VISIBLE_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(VISIBLE_POLL.toMillis());
        }
    }

    private static boolean hasLeaders(TopicDescription topic) {
        return topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    /**
     * What an operator should hear at start about existing input topics: one that keeps the
     * producer's timestamps and deletes by time can delete records stamped with old event times
     * (a replay) before the pipeline has read them.
     */
    public static List<String> retentionRisks(Admin admin, Topics topics) throws ExecutionException, InterruptedException {
        List<ConfigResource> inputs = List.of(new ConfigResource(ConfigResource.Type.TOPIC, topics.clicks()),
                new ConfigResource(ConfigResource.Type.TOPIC, topics.conversions()),
                new ConfigResource(ConfigResource.Type.TOPIC, topics.adjustments()));
        List<String> risks = new ArrayList<>();
        admin.describeConfigs(inputs).all().get().forEach((topic, config) -> {
            String type = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value();
            String retention = config.get(TopicConfig.RETENTION_MS_CONFIG).value();
            String cleanup = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if ("CreateTime".equals(type) && !"-1".equals(retention) && cleanup.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                risks.add("topic " + topic.name() + " deletes records " + retention + " ms after the producer's "
                        + "timestamp (message.timestamp.type=CreateTime): records stamped with old event times, as "
                        + "in a replay, can be deleted before they are processed; set message.timestamp.type="
                        + "LogAppendTime on it (the pipeline reads event time from the record)");
            }
        });
        return risks;
    }

    /**
     * The previous version's rerouting topics (one for clicks, one for conversions) still on the
     * cluster: records it left there unread are read by this version (README "Upgrading").
     */
    public static Set<String> previousRerouting(Admin admin, String applicationId)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        return PreviousRerouting.topics(applicationId).stream().filter(existing::contains)
                .collect(Collectors.toUnmodifiableSet());
    }
}
