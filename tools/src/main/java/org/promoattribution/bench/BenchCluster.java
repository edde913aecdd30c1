package org.promoattribution.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;

/**
 * The cluster a bench runs on: names every topic and application id after this bench run, so
 * each contender reads from the beginning of topics and a consumer group no one used before.
 */
final class BenchCluster implements AutoCloseable {
    static final int PARTITIONS = 3;

    private final Properties settings;
    private final AttributionConfig config;
    private final Admin admin;
    private final SchemaRegistryClient registry;
    private final String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    private int runs;

    BenchCluster(Properties settings) {
        this.settings = settings;
        this.config = AttributionConfig.from(settings);
        this.admin = Admin.create(config.streams());
        this.registry = SchemaRegistryClients.fromConfig(config.registry());
    }

    AttributionSerdes serdes() {
        return AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry()));
    }

    /** Settings for writing a scenario: its own input topics. */
    AttributionConfig scenarioConfig(String scenario) {
        return AttributionConfig.from(withInputs(name(scenario)));
    }

    /**
     * Settings of one contender's run over a scenario's inputs: its own application id, output
     * topics and state directory.
     */
    RunSpec run(String scenario, String contender, Map<String, String> settings, Guarantee guarantee, Path stateDir) {
        String id = name(String.format(Locale.ROOT, "%s-%s-%s-%d", scenario, contender, guarantee.label(), ++runs));
        Properties props = withInputs(name(scenario));
        for (String output : List.of("credited", "invalid", "unattributed", "adjusted", "dlq", "promo-codes-validated",
                "commission-terms-validated", "promo-code-usage")) {
            props.setProperty(Topics.PREFIX + output, id + "-" + output);
        }
        props.putAll(settings);
        props.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, id);
        props.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee.setting());
        props.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new RunSpec(id, guarantee, AttributionConfig.from(props), stateDir, id + "-out");
    }

    /**
     * Creates the topics that do not exist yet; compacted ones and those of one partition as asked
     * ({@code run} creates the definition tables with one). None expires by time: the
     * generated events carry event times months old as record timestamps, and a broker's retention
     * check (its first 30 s after start) would otherwise delete a workload before every contender
     * has read it.
     */
    void createTopics(Collection<String> topics, Set<String> compacted, Set<String> onePartition)
            throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                int partitions = onePartition.contains(topic) ? 1 : PARTITIONS;
                missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, compacted.contains(topic)
                                ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE)));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
            awaitMetadata(topics);
        }
    }

    /** A topic just created may not be in the brokers' metadata yet; readers would not find it. */
    private void awaitMetadata(Collection<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(topics).allTopicNames().get();
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not visible after 30 s: " + topics, e.getCause());
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Bytes the brokers hold of these topics (leaders and replicas alike, so per replica: divide). */
    long bytesOf(Collection<String> topics) throws ExecutionException, InterruptedException {
        List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
        long bytes = 0;
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                bytes += dir.replicaInfos().entrySet().stream()
                        .filter(e -> topics.contains(e.getKey().topic()) && !e.getValue().isFuture())
                        .mapToLong(e -> e.getValue().size()).sum();
            }
        }
        return bytes;
    }

    private String name(String part) {
        return prefix + "-" + part;
    }

    private Properties withInputs(String scenarioPrefix) {
        Properties props = new Properties();
        props.putAll(settings);
        for (String input : List.of("clicks", "conversions", "promo-codes", "commission-terms", "adjustments")) {
            props.setProperty(Topics.PREFIX + input, scenarioPrefix + "-" + input);
        }
        return props;
    }

    @Override
    public void close() {
        registry.close();
        admin.close();
    }
}
