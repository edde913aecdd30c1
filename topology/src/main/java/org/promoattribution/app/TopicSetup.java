package org.promoattribution.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.promoattribution.config.Topics;

/**
 * Creates the pipeline's topics when they are missing and checks the ones that exist: clicks
 * and conversions must have the same number of partitions, since a session's clicks and
 * orders meet on one partition. Input topics are created with the broker's append time as record
 * timestamp: retention then counts from arrival, so a replay of last month's events stamped with
 * their event times is not deleted before it is processed (the pipeline orders and judges records
 * by the event time inside them, never by the record timestamp).
 */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static void ensure(Admin admin, Topics topics, int partitions, short replication)
            throws ExecutionException, InterruptedException {
        Map<String, Map<String, String>> wanted = new HashMap<>();
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        for (String topic : List.of(topics.credited(), topics.invalid(), topics.unattributed(), topics.deadLetter())) {
            wanted.put(topic, Map.of());
        }
        Map<String, String> byArrival = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        wanted.put(topics.clicks(), byArrival);
        wanted.put(topics.conversions(), byArrival);
        wanted.put(topics.promoCodes(), compacted);
        wanted.put(topics.validatedPromoCodes(), compacted);
        wanted.put(topics.usage(), compacted);

        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((topic, configs) -> {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, partitions, replication).configs(configs));
            }
        });
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
        Map<String, TopicDescription> inputs = admin.describeTopics(List.of(topics.clicks(), topics.conversions()))
                .allTopicNames().get();
        int clickPartitions = inputs.get(topics.clicks()).partitions().size();
        int conversionPartitions = inputs.get(topics.conversions()).partitions().size();
        if (clickPartitions != conversionPartitions) {
            throw new IllegalStateException("topics " + topics.clicks() + " (" + clickPartitions + " partitions) and "
                    + topics.conversions() + " (" + conversionPartitions + ") must have the same number of "
                    + "partitions: a session's clicks and conversions are attributed on one partition");
        }
    }

    /**
     * What an operator should hear at start about existing input topics: one that keeps the
     * producer's timestamps and deletes by time can delete records stamped with old event times
     * (a replay) before the pipeline has read them.
     */
    public static List<String> retentionRisks(Admin admin, Topics topics) throws ExecutionException, InterruptedException {
        List<ConfigResource> inputs = List.of(new ConfigResource(ConfigResource.Type.TOPIC, topics.clicks()),
                new ConfigResource(ConfigResource.Type.TOPIC, topics.conversions()));
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
}
