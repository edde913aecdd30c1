package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 1 across crashes and rebalances: a partition Kafka Streams paused for a full buffer and
 * resumed does not look caught up on the high watermark it knew before the pause, so its task
 * waits for its records instead of taking the other partitions' newer ones ahead of them.
 */
class FreshLagConsumerTest {
    private static final TopicPartition CLICKS = new TopicPartition("clicks", 0);
    private static final TopicPartition CONVERSIONS = new TopicPartition("conversions", 0);

    private final TestClock clock = new TestClock();
    private final MockConsumer<byte[], byte[]> kafka = new MockConsumer<>("earliest");
    private final Consumer<byte[], byte[]> consumer = FreshLagConsumer.around(kafka, Duration.ofMillis(500), clock);

    @BeforeEach
    void caughtUp() {
        kafka.assign(List.of(CLICKS, CONVERSIONS));
        kafka.updateBeginningOffsets(Map.of(CLICKS, 0L, CONVERSIONS, 0L));
        kafka.updateEndOffsets(Map.of(CLICKS, 0L, CONVERSIONS, 0L));
        consumer.poll(Duration.ZERO);
    }

    @Test
    void aResumedPartitionsLagIsUnknownUntilItsRecordsArrive() {
        consumer.pause(List.of(CLICKS));
        consumer.resume(List.of(CLICKS));
        assertThat(consumer.currentLag(CLICKS)).as("stale since the pause").isEmpty();
        assertThat(consumer.currentLag(CONVERSIONS)).as("never paused").hasValue(0);

        kafka.addRecord(new ConsumerRecord<>(CLICKS.topic(), 0, 0, new byte[0], new byte[0]));
        kafka.updateEndOffsets(Map.of(CLICKS, 1L));
        consumer.poll(Duration.ZERO);

        assertThat(consumer.currentLag(CLICKS)).hasValue(0);
    }

    @Test
    void aPartitionResumedThatWasNotPausedKeepsItsLag() {
        consumer.resume(List.of(CLICKS));

        assertThat(consumer.currentLag(CLICKS)).hasValue(0);
    }

    @Test
    void aResumedPartitionWithNothingNewIsCaughtUpOnceAFetchSentAfterTheResumeMustHaveComeBack() {
        consumer.pause(List.of(CLICKS));
        consumer.resume(List.of(CLICKS));
        clock.advance(Duration.ofMillis(999));
        assertThat(consumer.currentLag(CLICKS)).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(consumer.currentLag(CLICKS)).isEqualTo(OptionalLong.of(0));
    }
}
