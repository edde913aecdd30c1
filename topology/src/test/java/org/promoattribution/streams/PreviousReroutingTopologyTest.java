package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;

/**
 * README "Upgrading", issue 23: records the previous version rerouted through its two rerouting
 * topics (one for clicks, one for conversions) and left unread still reach their session.
 */
class PreviousReroutingTopologyTest {
    private static final String OLD_CLICKS = "promo-attribution-clicks-by-session-repartition";
    private static final String OLD_CONVERSIONS = "promo-attribution-conversions-by-session-repartition";

    private final AttributionDriver pipeline = new AttributionDriver(new Properties(), AttributionDriver.NOW,
            (config, serdes, metrics) -> AttributionTopology.build(config, serdes, metrics, new PromoCodeIndex(),
                    new CommissionTermsIndex(config.termsTable()), Set.of(OLD_CLICKS, OLD_CONVERSIONS)));

    @AfterEach
    void close() {
        pipeline.close();
    }

    private TestInputTopic<byte[], byte[]> previous(String topic) {
        return pipeline.driver().createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] key(String session) {
        return session.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theNamesAreThoseThePreviousVersionsRepartitionTopicsHad() {
        assertThat(PreviousRerouting.topics("promo-attribution")).containsExactlyInAnyOrder(OLD_CLICKS, OLD_CONVERSIONS);
    }

    @Test
    void clicksAndConversionsLeftInThePreviousReroutingTopicsReachTheirSessionAndAreDecided() {
        // as the previous version wrote them: keyed by session, the bytes as received
        previous(OLD_CLICKS).pipeInput(key("s1"), pipeline.serialize(click("c1", "s1", "blog", "2026-06-01T10:00:00Z")));
        previous(OLD_CONVERSIONS).pipeInput(key("s1"), pipeline.serialize(conversion("o1", "s1", "2026-06-01T10:05:00Z")));
        pipeline.conversions(conversion("o2", "s1", "2026-06-01T10:06:00Z"));
        assertThat(pipeline.decisions()).extracting(AttributionDecision::getConversionId,
                AttributionDecision::getReason, AttributionDecision::getClickId)
                .containsExactly(tuple("o1", Reason.LAST_CLICK, "c1"), tuple("o2", Reason.LAST_CLICK, "c1"));
    }

    @Test
    void aBadRecordThereGoesToTheDeadLetterTopicAsReceived() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        previous(OLD_CONVERSIONS).pipeInput(key("s1"), garbage);
        assertThat(pipeline.deadLetters()).extracting(AttributionDriver::reason, TestRecord::value)
                .containsExactly(tuple("UNDECODABLE", garbage));
        assertThat(pipeline.decisions()).isEmpty();
    }

    @Test
    void theyAreReadTogetherInASubTopologyOfTheirOwn_theSessionTaskStillReadsThreePartitions() {
        assertThat(pipeline.topicsReadWith("attribution")).containsExactlyInAnyOrder("clicks", "conversions",
                "misrouted-by-session-repartition"); // as described: less the application id
        // one task reads both, as the previous session task did: a click before the order left after it
        assertThat(pipeline.topicsReadWith("previous-rerouting-sink"))
                .containsExactlyInAnyOrder(OLD_CLICKS, OLD_CONVERSIONS);
    }

    @Test
    void theOtherSubTopologiesKeepTheirNumbers_soTheirTasksKeepTheirStateDirectories() {
        try (AttributionDriver fresh = new AttributionDriver()) {
            assertThat(subTopologies(pipeline.describe())).containsAllEntriesOf(subTopologies(fresh.describe()));
        }
    }

    @Test
    void theSessionLedgerAndUsageSubTopologiesHaveThePreviousVersionsNumbers_soTheirStateDirectoriesAreRead() {
        try (AttributionDriver fresh = new AttributionDriver()) {
            Map<Set<String>, Integer> numbers = subTopologies(fresh.describe());
            assertThat(numberOf(numbers, "attribution")).isEqualTo(4);
            assertThat(numberOf(numbers, "decision-ledger")).isEqualTo(5);
            assertThat(numberOf(numbers, "usage")).isEqualTo(6);
        }
    }

    private static int numberOf(Map<Set<String>, Integer> numbers, String processorName) {
        return numbers.entrySet().stream().filter(e -> e.getKey().contains(processorName)).findFirst()
                .orElseThrow().getValue();
    }

    /** Each sub-topology's number, by the names of its nodes. */
    private static Map<Set<String>, Integer> subTopologies(TopologyDescription description) {
        return description.subtopologies().stream().collect(Collectors.toMap(
                sub -> sub.nodes().stream().map(TopologyDescription.Node::name).collect(Collectors.toSet()),
                TopologyDescription.Subtopology::id));
    }

    @Test
    void onlyThoseThatExistAreRead() {
        try (AttributionDriver fresh = new AttributionDriver()) {
            assertThat(fresh.topologyDescription()).doesNotContain(OLD_CLICKS, OLD_CONVERSIONS);
        }
    }
}
