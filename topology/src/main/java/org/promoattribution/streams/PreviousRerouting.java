package org.promoattribution.streams;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The upgrade from the version that rerouted clicks and conversions through a topic each (README
 * "Upgrading"): records it rerouted but left unread are read from those topics under the same
 * consumer group, from its committed offsets, and written as they are, tagged with their kind, to
 * the one rerouting topic, which brings them to their session. They were keyed by their session,
 * and the new topic has as many partitions as the old ones, so each lands on its session's
 * partition. A sub-topology of its own: the session task does not read the old topics.
 */
public final class PreviousRerouting {
    private PreviousRerouting() {
    }

    /** The names of the previous version's rerouting topics under {@code applicationId}. */
    public static Set<String> topics(String applicationId) {
        return kinds(applicationId).keySet();
    }

    /**
     * Reads each of {@code present}, some of the {@link #topics}, into {@code reroutingTopic}; called
     * after the rest of the topology is built, so that the other sub-topologies keep their numbers.
     */
    static void drain(StreamsBuilder builder, String applicationId, Set<String> present, String reroutingTopic) {
        // One sub-topology for both, as the previous session task read them: its task takes the two
        // topics' records in timestamp order (and waits for one that lags), so a click left unread
        // still comes before the order left after it.
        kinds(applicationId).entrySet().stream()
                .filter(topic -> present.contains(topic.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(topic -> {
                    String name = "previous-" + topic.getValue().name().toLowerCase(Locale.ROOT) + "-rerouting";
                    return builder.stream(topic.getKey(),
                                    Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name + "-source"))
                            .mapValues(topic.getValue()::tag, Named.as(name + "-tag"));
                })
                .reduce((first, second) -> first.merge(second, Named.as("previous-rerouting-merge")))
                .ifPresent(stream -> stream.to(reroutingTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("previous-rerouting-sink")));
    }

    private static Map<String, ReroutedEvent> kinds(String applicationId) {
        return Map.of(applicationId + "-clicks-by-session-repartition", ReroutedEvent.CLICK,
                applicationId + "-conversions-by-session-repartition", ReroutedEvent.CONVERSION);
    }
}
