package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.app.TopicSetup;
import org.promoattribution.schemas.AttributionDecision;

/**
 * README "Upgrading" on a real broker: what the previous version left unread in its two rerouting
 * topics is found at start and reaches its session through this version's one rerouting topic.
 */
class PreviousReroutingIT {
    @TempDir
    Path stateDir;

    @Test
    void recordsLeftInThePreviousReroutingTopicsAreDecidedWithTheirSession() throws Exception {
        try (LivePipeline pipeline = new LivePipeline(stateDir, 2)) {
            String applicationId = pipeline.settings.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
            String oldClicks = applicationId + "-clicks-by-session-repartition";
            String oldConversions = applicationId + "-conversions-by-session-repartition";
            Set<String> found;
            try (Admin admin = Admin.create(pipeline.config().streams())) {
                assertThat(TopicSetup.previousRerouting(admin, applicationId)).isEmpty();
                admin.createTopics(List.of(new NewTopic(oldClicks, 2, (short) 1),
                        new NewTopic(oldConversions, 2, (short) 1))).all().get();
                // a topic just created is listed once the broker's metadata has it
                found = Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> TopicSetup.previousRerouting(admin, applicationId), topics -> topics.size() == 2);
            }
            assertThat(found).containsExactlyInAnyOrder(oldClicks, oldConversions);
            // as the previous version left them: keyed by session, the bytes as received
            pipeline.send(oldClicks, "s1", pipeline.serdes.click().serializer()
                    .serialize(oldClicks, click("c1", "s1", "blog", "2026-06-01T10:00:00Z")));
            pipeline.send(oldConversions, "s1", pipeline.serdes.conversion().serializer()
                    .serialize(oldConversions, conversion("o1", "s1", "2026-06-01T10:05:00Z")));
            // and this version's own rerouting, beside it
            pipeline.send(pipeline.topics().clicks(), "not-the-session", pipeline.serdes.click().serializer()
                    .serialize(pipeline.topics().clicks(), click("c2", "s2", "news", "2026-06-01T10:00:00Z")));

            pipeline.startApp(found);
            assertThat(pipeline.decisionsOnceDecided("o1")).extracting(AttributionDecision::getConversionId,
                    AttributionDecision::getClickId).containsExactly(tuple("o1", "c1"));
            pipeline.send(conversion("o2", "s2", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decisionsOnceDecided("o1", "o2")).extracting(AttributionDecision::getConversionId,
                    AttributionDecision::getClickId).containsExactlyInAnyOrder(tuple("o1", "c1"), tuple("o2", "c2"));
        }
    }
}
