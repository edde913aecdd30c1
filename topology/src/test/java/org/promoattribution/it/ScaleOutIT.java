package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.it.ServedInstances.awaitOk;
import static org.promoattribution.it.ServedInstances.get;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.config.Topics;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.state.StoreNames;

/**
 * Two instances of one application (same application.id, own state dirs and HTTP ports) on one
 * broker, topics of 4 partitions: each owns partitions and decides its sessions' conversions,
 * and either answers explain requests for the sessions and conversions of the other.
 */
class ScaleOutIT {
    @TempDir
    Path dir;

    @Test
    void twoInstancesSplitTheWorkAndAnswerForEachOther() throws Exception {
        try (LivePipeline pipeline = registeredDecisionSchema(new LivePipeline(dir.resolve("unused"), 4));
             PipelineInstance a = ServedInstances.start(pipeline, dir.resolve("a"));
             PipelineInstance b = ServedInstances.start(pipeline, dir.resolve("b"))) {
            awaitOk(a, "/health/ready");
            awaitOk(b, "/health/ready");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> bothOwnPartitions(a, b));

            String sessionOfA = sessionOwnedBy(a, a.address());
            String sessionOfB = sessionOwnedBy(a, b.address());
            pipeline.send(click("so-c1", sessionOfA, "blog", "2026-06-01T10:00:00Z"));
            pipeline.send(click("so-c2", sessionOfB, "news", "2026-06-01T10:00:00Z"));
            pipeline.send(conversion("so-o1", sessionOfA, "2026-06-01T10:05:00Z"));
            pipeline.send(conversion("so-o2", sessionOfB, "2026-06-01T10:05:00Z"));
            pipeline.decisionsOnceDecided("so-o1", "so-o2");

            // Each instance decided the conversion of the session it owns.
            assertThat(get(a, "/metrics").body()).contains("attribution_decisions_total{outcome=\"CREDITED\",reason=\"LAST_CLICK\"} 1.0");
            assertThat(get(b, "/metrics").body()).contains("attribution_decisions_total{outcome=\"CREDITED\",reason=\"LAST_CLICK\"} 1.0");

            // Asked about B's session, A answers with B's state; and the other way round.
            assertThat(awaitOk(a, "/explain/session/" + sessionOfB).body())
                    .contains("\"servedBy\":\"" + address(b) + "\"").contains("\"clickId\":\"so-c2\"");
            assertThat(awaitOk(b, "/explain/session/" + sessionOfA).body())
                    .contains("\"servedBy\":\"" + address(a) + "\"").contains("\"clickId\":\"so-c1\"");
            assertThat(awaitOk(a, "/explain/conversion/so-o2").body())
                    .contains("\"servedBy\":\"" + address(b) + "\"")
                    .contains("Credited to news because it has the last click");
            assertThat(awaitOk(b, "/explain/conversion/so-o1").body())
                    .contains("\"servedBy\":\"" + address(a) + "\"")
                    .contains("Credited to blog because it has the last click");
            assertThat(get(a, "/explain/conversion/so-nothing").statusCode()).isEqualTo(404);
        }
    }

    /**
     * The decision schema registered up front, as in production: two instances deciding their
     * first conversions at once would both register it, and the embedded registry answers the
     * second with 409, which the registry client takes for an incompatible schema.
     */
    private static LivePipeline registeredDecisionSchema(LivePipeline pipeline) {
        Topics topics = pipeline.topics();
        for (String topic : List.of(topics.credited(), topics.invalid(), topics.unattributed())) {
            pipeline.registry.register(topic + "-value", AttributionDecision.getClassSchema());
        }
        return pipeline;
    }

    /** Both instances are in the store's metadata, each with partitions of its own. */
    private static boolean bothOwnPartitions(PipelineInstance a, PipelineInstance b) {
        Collection<StreamsMetadata> owners = a.app().streams().streamsMetadataForStore(StoreNames.CLICK_HISTORY);
        return owners.size() == 2 && owners.stream().allMatch(m -> !m.topicPartitions().isEmpty())
                && owners.stream().map(StreamsMetadata::hostInfo).toList().containsAll(List.of(a.address(), b.address()));
    }

    /** A session id whose partition {@code owner} holds, as {@code asked} sees the assignment. */
    private static String sessionOwnedBy(PipelineInstance asked, HostInfo owner) {
        return IntStream.range(0, 1000).mapToObj(i -> "so-s" + i)
                .filter(session -> asked.app().streams().queryMetadataForKey(StoreNames.CLICK_HISTORY, session,
                        Serdes.String().serializer()).activeHost().equals(owner))
                .findFirst().orElseThrow();
    }

    private static String address(PipelineInstance instance) {
        return instance.address().host() + ":" + instance.address().port();
    }
}
