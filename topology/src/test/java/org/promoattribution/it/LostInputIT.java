package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.it.ServedInstances.awaitOk;
import static org.promoattribution.it.ServedInstances.get;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.app.LostInput;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Reason;
import org.slf4j.LoggerFactory;

/**
 * SPEC "Time", nothing lost to retention, on a real broker: clicks deleted while the pipeline is
 * stopped, past its committed offset (as a topic made elsewhere deletes by the producers' old
 * timestamps), are reported when it restarts: an ERROR line with the lost range, the metric, and
 * health; and the pipeline goes on.
 */
class LostInputIT {
    @Test
    void clicksDeletedBeforeTheyWereReadAreReportedLoudlyAndThePipelineGoesOn(@TempDir Path dir) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(LostInput.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (LivePipeline pipeline = new LivePipeline(dir.resolve("unused"), 1)) {
            String clicks = pipeline.topics().clicks();
            try (PipelineInstance first = ServedInstances.start(pipeline, dir.resolve("state"))) {
                awaitOk(first, "/health/ready");
                pipeline.send(click("l-c1", "l-s1", "blog", "2026-06-01T10:00:00Z"));
                pipeline.send(conversion("l-o1", "l-s1", "2026-06-01T10:05:00Z"));
                pipeline.decisionsOnceDecided("l-o1");
            }
            for (int i = 2; i <= 4; i++) {
                pipeline.send(click("l-c" + i, "l-s2", "blog", "2026-06-01T11:00:00Z"));
            }
            deleteAllOf(pipeline, new TopicPartition(clicks, 0));

            try (PipelineInstance second = ServedInstances.start(pipeline, dir.resolve("state"))) {
                pipeline.send(conversion("l-o2", "l-s2", "2026-06-01T11:05:00Z"));
                List<AttributionDecision> decisions = pipeline.decisionsOnceDecided("l-o1", "l-o2");
                assertThat(decisions.get(decisions.size() - 1).getReason()).as("decided without the deleted clicks")
                        .isEqualTo(Reason.NO_CLICK_NO_CODE);

                String lost = "input " + clicks + "-0: offsets 1 to 3 (3 records) were deleted before the pipeline"
                        + " read them";
                assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                        .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).startsWith(lost));
                assertThat(get(second, "/metrics").body())
                        .contains("attribution_input_records_lost_total{topic=\"" + clicks + "\"} 3.0");
                HttpResponse<String> ready = Awaitility.await().atMost(Duration.ofSeconds(60))
                        .until(() -> get(second, "/health/ready"), r -> r.statusCode() == 200);
                assertThat(ready.body()).startsWith("{\"status\":\"DEGRADED\",\"state\":\"RUNNING\","
                        + "\"lost\":\"3 input records lost since start: " + lost);
            }
        } finally {
            logger.detachAppender(logged);
        }
    }

    /** Deletes every record of {@code partition}, as retention does to old ones. */
    private static void deleteAllOf(LivePipeline pipeline, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(pipeline.config().streams())) {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                    .offset();
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(end))).all().get();
        }
    }
}
