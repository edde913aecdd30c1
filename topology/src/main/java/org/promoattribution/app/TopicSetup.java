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
import org.apache.kafka.common.config.TopicConfig;
import org.promoattribution.config.Topics;

/**
 * Creates the pipeline's topics when they are missing and checks the ones that exist: clicks
 * and conversions must have the same number of partitions, since a session's clicks and
 * orders meet on one partition.
 */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static void ensure(Admin admin, Topics topics, int partitions, short replication)
            throws ExecutionException, InterruptedException {
        Map<String, Map<String, String>> wanted = new HashMap<>();
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        for (String topic : List.of(topics.clicks(), topics.conversions(), topics.credited(), topics.invalid(),
                topics.unattributed(), topics.deadLetter())) {
            wanted.put(topic, Map.of());
        }
        wanted.put(topics.promoCodes(), compacted);
        wanted.put(topics.validatedPromoCodes(), compacted);

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
}
