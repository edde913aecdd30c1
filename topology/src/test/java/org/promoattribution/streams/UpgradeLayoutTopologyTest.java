package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.testing.AttributionDriver;

/**
 * README "Upgrading": a running deployment upgrades to this topology. Kafka Streams names a task by
 * its sub-topology's number, and its state directory by the task, so each sub-topology keeps the
 * number, the input topics and the stores it had; the internal topics keep their names. The figures
 * below are those of the version before the one decode-and-route step (issue 23 point 3), as
 * literals: a change here needs an upgrade path. Since then the session task has one store more,
 * seen-conversion-ids (its ids were in seen-conversions, which it still reads: SeenConversionIdsTopologyTest).
 */
class UpgradeLayoutTopologyTest {
    private final AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private record Layout(Set<String> topics, Set<String> stores) {
        static Layout of(List<String> topics, List<String> stores) {
            return new Layout(new TreeSet<>(topics), new TreeSet<>(stores));
        }
    }

    @Test
    void eachSubTopologyKeepsItsNumberItsInputTopicsAndItsStores_soItsTasksFindTheirStateDirectories() {
        Map<Integer, Layout> layouts = pipeline.describe().subtopologies().stream().collect(Collectors.toMap(
                TopologyDescription.Subtopology::id, sub -> new Layout(
                        sub.nodes().stream().filter(TopologyDescription.Source.class::isInstance)
                                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream())
                                .collect(Collectors.toCollection(TreeSet::new)),
                        sub.nodes().stream().filter(TopologyDescription.Processor.class::isInstance)
                                .flatMap(n -> ((TopologyDescription.Processor) n).stores().stream())
                                .collect(Collectors.toCollection(TreeSet::new)))));
        assertThat(layouts).containsExactlyInAnyOrderEntriesOf(Map.of(
                0, Layout.of(List.of("promo-codes"), List.of()),
                2, Layout.of(List.of("commission-terms"), List.of()),
                4, Layout.of(List.of("clicks", "conversions", "misrouted-by-session-repartition"),
                        List.of("click-history", "click-sessions", "seen-conversions", "pending-conversions",
                                "decision-explanations", "seen-conversion-ids")),
                5, Layout.of(List.of("conversion-adjustments", "adjustments-by-conversion-repartition",
                                "decisions-by-conversion-repartition"),
                        List.of("decision-ledger", "seen-adjustments", "held-adjustments", "adjustment-history",
                                "promo-code-usage-batch")),
                6, Layout.of(List.of("usage-by-code-day-repartition"), List.of("promo-code-usage-figures"))));
        assertThat(pipeline.describe().globalStores()).extracting(store -> store.id())
                .containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void theRepartitionTopicsKeepTheirNames() {
        Set<String> written = pipeline.describe().subtopologies().stream()
                .flatMap(sub -> sub.nodes().stream())
                .filter(TopologyDescription.Sink.class::isInstance)
                .map(sink -> ((TopologyDescription.Sink) sink).topic())
                .filter(topic -> topic != null && topic.endsWith("-repartition"))
                .collect(Collectors.toSet());
        assertThat(written).containsExactlyInAnyOrder("misrouted-by-session-repartition",
                "decisions-by-conversion-repartition", "adjustments-by-conversion-repartition",
                "usage-by-code-day-repartition");
    }

    @Test
    void aClickOrConversionTakesOneStepFromItsSourceToTheRule_andOnlyTheMergeWithTheReroutedOnesBetween() {
        assertThat(path("clicks", "attribution")).containsExactly("session-inputs-source", "session-inputs-route",
                "session-events", "attribution");
        assertThat(path("conversions", "attribution")).containsExactly("session-inputs-source",
                "session-inputs-route", "session-events", "attribution");
    }

    @Test
    void aDecisionGoesFromTheRuleStraightToItsRepartitionTopic_andFromThereThroughOneMergeToTheLedger() {
        assertThat(pipeline.describe().subtopologies().stream().flatMap(sub -> sub.nodes().stream())
                .filter(node -> node.name().equals("attribution")).findFirst().orElseThrow().successors())
                .extracting(TopologyDescription.Node::name)
                .containsExactly("decisions-by-conversion-repartition-filter");
        assertThat(path("decisions-by-conversion-repartition", "decision-ledger")).containsExactly(
                "decisions-by-conversion-repartition-source", "ledger-inputs", "decision-ledger");
    }

    /** The names of the nodes from the source of {@code topic} to {@code processor}, following the only way there. */
    private List<String> path(String topic, String processor) {
        TopologyDescription.Node node = pipeline.describe().subtopologies().stream()
                .flatMap(sub -> sub.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Source source && source.topicSet().contains(topic))
                .findFirst().orElseThrow();
        List<String> names = new ArrayList<>(List.of(node.name()));
        while (!node.name().equals(processor)) {
            node = node.successors().stream().filter(next -> reaches(next, processor)).findFirst().orElseThrow();
            names.add(node.name());
        }
        return names;
    }

    private static boolean reaches(TopologyDescription.Node node, String processor) {
        return node.name().equals(processor) || node.successors().stream().anyMatch(next -> reaches(next, processor));
    }
}
