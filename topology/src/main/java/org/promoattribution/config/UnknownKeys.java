package org.promoattribution.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Typos of our keys, which would otherwise pass to Kafka Streams and be ignored there, leaving the
 * default in force: a key under our own prefixes that no owner declares (topic.click, http.prot),
 * or one Kafka does not know a slip away from one of ours (referal.window).
 */
final class UnknownKeys {
    /** Further than this many edits, a declared key is no longer what was meant. */
    private static final int MAX_EDITS = 3;
    /** Outside our prefixes, only this close: a setting of Kafka's we do not know may look like ours. */
    private static final int MAX_EDITS_OUTSIDE = 2;
    private static final Set<String> KAFKA_NAMES = kafkaNames();

    private UnknownKeys() {
    }

    /** Whether {@code key}, which no owner declares, is a typo of ours rather than a Kafka setting. */
    static boolean isTypo(String key, List<OwnedKeys> owners) {
        if (KAFKA_NAMES.contains(key)) {
            return false;
        }
        if (owners.stream().anyMatch(owner -> owner.covers(key))) {
            return true;
        }
        return closest(key, owners, MAX_EDITS_OUTSIDE).isPresent();
    }

    /**
     * Every setting of Kafka Streams and its clients, and Kafka Streams' settings of its internal
     * topics ({@code topic.min.insync.replicas}): those share our {@code topic.} prefix, and none of
     * them is the name of one of our topics.
     */
    static Set<String> kafkaNames() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        names.addAll(internalTopicSettings());
        return Set.copyOf(names);
    }

    /** {@code topic.} and each topic-level setting Kafka declares in {@link TopicConfig}. */
    static Set<String> internalTopicSettings() {
        return Arrays.stream(TopicConfig.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && field.getName().endsWith("_CONFIG"))
                .map(UnknownKeys::constant)
                .map(StreamsConfig::topicPrefix)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // public constants of a public class
        }
    }

    /** @throws IllegalArgumentException naming each key, and the declared key it most likely means */
    static void reject(Collection<String> unknown, List<OwnedKeys> owners) {
        if (unknown.isEmpty()) {
            return;
        }
        throw new IllegalArgumentException("unknown setting" + (unknown.size() > 1 ? "s " : " ")
                + unknown.stream().map(key -> key + closest(key, owners).map(k -> " (did you mean " + k + "?)").orElse(""))
                .collect(Collectors.joining(", "))
                + ": not a key of the pipeline's, nor one Kafka knows (README, Configuration)");
    }

    static Optional<String> closest(String key, List<OwnedKeys> owners) {
        return closest(key, owners, MAX_EDITS);
    }

    private static Optional<String> closest(String key, List<OwnedKeys> owners, int maxEdits) {
        return owners.stream().flatMap(owner -> owner.candidates(key)).distinct()
                .map(candidate -> new Scored(candidate, edits(key, candidate)))
                .filter(scored -> scored.edits() <= Math.min(maxEdits, key.length() / 4))
                .min(Comparator.comparingInt(Scored::edits).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    private record Scored(String candidate, int edits) {
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
