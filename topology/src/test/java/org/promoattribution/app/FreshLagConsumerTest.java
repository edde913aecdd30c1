package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC rule 1 across crashes and rebalances: a partition Kafka Streams paused for a full buffer and
 * resumed does not look caught up on the end it knew before the pause, so its task waits for its
 * records instead of taking the other partitions' newer ones ahead of them.
 */
class FreshLagConsumerTest {
    private static final TopicPartition CLICKS = new TopicPartition("clicks", 0);
    private static final TopicPartition CONVERSIONS = new TopicPartition("conversions", 0);

    private boolean brokerAnswers = true;
    private boolean wokenUp;
    private int asked;
    private final MockConsumer<byte[], byte[]> kafka = new MockConsumer<>("earliest") {
        @Override
        public synchronized Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions,
                                                                 Duration timeout) {
            asked++;
            if (wokenUp) {
                throw new WakeupException();
            }
            if (!brokerAnswers) {
                throw new TimeoutException("no answer within " + timeout);
            }
            return super.endOffsets(partitions, timeout);
        }

        /** A real consumer's lag goes stale for a paused partition: the end it knew before the pause. */
        @Override
        public synchronized OptionalLong currentLag(TopicPartition partition) {
            return staleLag ? OptionalLong.of(0) : super.currentLag(partition);
        }
    };
    private boolean staleLag;
    private final Consumer<byte[], byte[]> consumer = FreshLagConsumer.around(kafka, Duration.ofMillis(500));

    @BeforeEach
    void caughtUp() {
        kafka.assign(List.of(CLICKS, CONVERSIONS));
        kafka.updateBeginningOffsets(Map.of(CLICKS, 0L, CONVERSIONS, 0L));
        kafka.updateEndOffsets(Map.of(CLICKS, 0L, CONVERSIONS, 0L));
        consumer.poll(Duration.ZERO);
    }

    @Test
    void aResumedPartitionWithRecordsOnTheBrokerIsBehindUntilTheyArrive() {
        consumer.pause(List.of(CLICKS));
        kafka.updateEndOffsets(Map.of(CLICKS, 2L)); // two clicks reached the broker while it was paused
        staleLag = true;
        consumer.resume(List.of(CLICKS));

        assertThat(consumer.currentLag(CLICKS)).as("asked of the broker").hasValue(2);
        assertThat(consumer.currentLag(CONVERSIONS)).as("never paused").hasValue(0);

        kafka.addRecord(new ConsumerRecord<>(CLICKS.topic(), 0, 0, new byte[0], new byte[0]));
        kafka.addRecord(new ConsumerRecord<>(CLICKS.topic(), 0, 1, new byte[0], new byte[0]));
        consumer.poll(Duration.ZERO);
        staleLag = false;
        int askedBefore = asked;

        assertThat(consumer.currentLag(CLICKS)).hasValue(0);
        assertThat(asked).as("fetched since: its fetches tell").isEqualTo(askedBefore);
    }

    @Test
    void aResumedPartitionWithNothingNewIsCaughtUpAtOnceAndAskedOnlyOnce() {
        consumer.pause(List.of(CLICKS));
        consumer.resume(List.of(CLICKS));

        assertThat(consumer.currentLag(CLICKS)).isEqualTo(OptionalLong.of(0));
        assertThat(consumer.currentLag(CLICKS)).isEqualTo(OptionalLong.of(0));
        assertThat(asked).isEqualTo(1);
    }

    @Test
    void aPartitionResumedThatWasNotPausedKeepsItsLagUnasked() {
        consumer.resume(List.of(CLICKS));

        assertThat(consumer.currentLag(CLICKS)).hasValue(0);
        assertThat(asked).isZero();
    }

    @Test
    void whileTheBrokerDoesNotAnswerTheLagIsUnknownAndAskedAgain() {
        consumer.pause(List.of(CLICKS));
        consumer.resume(List.of(CLICKS));
        brokerAnswers = false;

        assertThat(consumer.currentLag(CLICKS)).as("the task waits").isEmpty();

        brokerAnswers = true;
        assertThat(consumer.currentLag(CLICKS)).hasValue(0);
        assertThat(asked).isEqualTo(2);
    }

    @Test
    void aWakeupWhileAskingReachesKafkaStreams() {
        consumer.pause(List.of(CLICKS));
        consumer.resume(List.of(CLICKS));
        wokenUp = true;

        assertThatThrownBy(() -> consumer.currentLag(CLICKS)).isInstanceOf(WakeupException.class);
    }
}
