package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.metrics.AttributionMetrics;
import org.slf4j.LoggerFactory;

/**
 * SPEC "Time", nothing lost to retention: an input position found out of range (records deleted
 * before the pipeline read them) is reported loudly, one ERROR line with the lost range, a metric
 * and health, and Kafka Streams still gets the exception to reset as before.
 */
class LostInputTest {
    private static final TopicPartition CLICKS_2 = new TopicPartition("clicks", 2);
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LostInput.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LostInput lostInput = new LostInput(new AttributionMetrics(meters));
    private final MockConsumer<byte[], byte[]> kafka = new MockConsumer<>("none");
    private final Consumer<byte[], byte[]> consumer = LossReportingConsumer.around(kafka, lostInput,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
        kafka.assign(List.of(CLICKS_2));
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void recordsDeletedBeforeTheyWereReadAreOneErrorLineWithTheLostRangeAMetricAndHealth() {
        kafka.updateBeginningOffsets(Map.of(CLICKS_2, 4_800L));
        kafka.updateEndOffsets(Map.of(CLICKS_2, 5_000L));
        OffsetOutOfRangeException outOfRange = new OffsetOutOfRangeException("out of range", Map.of(CLICKS_2, 1_200L));
        kafka.setPollException(outOfRange);

        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).as("Kafka Streams still resets").isSameAs(outOfRange);

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith(
                    "input clicks-2: offsets 1200 to 4799 (3600 records) were deleted before the pipeline read them");
        });
        assertThat(meters.counter("attribution.input.records.lost", "topic", "clicks").count()).isEqualTo(3_600);
        assertThat(lostInput.describe()).hasValue("3600 input records lost since start: input clicks-2: offsets 1200"
                + " to 4799 (3600 records) were deleted before the pipeline read them (at 2026-06-01T10:00:00Z)");
    }

    @Test
    void aPositionPastTheLogsEndIsReportedWithoutACount() {
        kafka.updateBeginningOffsets(Map.of(CLICKS_2, 0L));
        kafka.updateEndOffsets(Map.of(CLICKS_2, 5_000L));
        kafka.setPollException(new OffsetOutOfRangeException("out of range", Map.of(CLICKS_2, 9_000L)));

        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isInstanceOf(OffsetOutOfRangeException.class);

        assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .startsWith("input clicks-2: offset 9000, the next to read, is past the log's end 5000"));
        assertThat(meters.counter("attribution.input.records.lost", "topic", "clicks").count()).isZero();
        assertThat(lostInput.describe()).isPresent();
    }

    @Test
    void aGroupWithoutCommittedOffsetsLosesNothing() {
        NoOffsetForPartitionException first = new NoOffsetForPartitionException(CLICKS_2);
        kafka.setPollException(first);

        assertThatThrownBy(() -> consumer.poll(Duration.ZERO)).isSameAs(first);

        assertThat(logged.list).isEmpty();
        assertThat(lostInput.describe()).isEmpty();
        assertThat(consumer.assignment()).as("every other call passes on").containsExactly(CLICKS_2);
    }
}
