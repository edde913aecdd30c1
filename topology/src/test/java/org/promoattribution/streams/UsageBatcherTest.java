package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.state.StoreNames;
import org.promoattribution.state.UsageContributionSerde;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.usage.UsageKey;

/**
 * The usage sums between two hand-overs: summed per (definition, day), handed on once an
 * interval, and, after a restart, those restored from the changelog handed on without waiting
 * for a new decision.
 */
class UsageBatcherTest {
    private static final UsageKey SUMMER_JUNE_1 = new UsageKey("pc-1", LocalDate.parse("2026-06-01"));
    private static final UsageKey WINTER_JUNE_1 = new UsageKey("pc-2", LocalDate.parse("2026-06-01"));

    private MockProcessorContext<String, UsageContribution> context;
    private KeyValueStore<String, byte[]> sums;

    @BeforeEach
    void context() {
        contextCommittingEvery(100L);
    }

    private void contextCommittingEvery(long commitIntervalMs) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "usage-batcher-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        context = new MockProcessorContext<>(config);
        sums = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.USAGE_BATCH), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        sums.init(context.getStateStoreContext(), sums);
        context.addStateStore(sums);
    }

    private static UsageContribution use(UsageKey key, boolean credited) {
        return UsageContribution.oneUse(key, "acme", "blog", credited, false, !credited, false);
    }

    private static Record<String, UsageContribution> record(UsageContribution contribution) {
        return new Record<>(contribution.key().topicKey(), contribution, 0L);
    }

    private List<UsageContribution> handOver(UsageBatcher batcher) {
        context.resetForwards();
        CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
        assertThat(punctuator.getInterval()).isEqualTo(Duration.ofMillis(100));
        punctuator.getPunctuator().punctuate(1_000L);
        return context.forwarded().stream().<UsageContribution>map(f -> f.record().value()).toList();
    }

    @Test
    void contributionsToOneCodeAndDayTravelAsOneSumAnInterval() {
        UsageBatcher batcher = new UsageBatcher();
        batcher.init(context);
        batcher.process(record(use(SUMMER_JUNE_1, true)));
        batcher.process(record(use(SUMMER_JUNE_1, false)));
        batcher.process(record(use(WINTER_JUNE_1, true)));
        assertThat(context.forwarded()).isEmpty();

        assertThat(handOver(batcher)).containsExactlyInAnyOrder(
                new UsageContribution(SUMMER_JUNE_1, "acme", "blog", false, 2, 1, 0, 1),
                new UsageContribution(WINTER_JUNE_1, "acme", "blog", false, 1, 1, 0, 0));
        assertThat(handOver(batcher)).as("each sum is handed on once").isEmpty();
        assertThat(sums.approximateNumEntries()).isZero();

        batcher.process(record(use(SUMMER_JUNE_1, true)));
        assertThat(handOver(batcher)).containsExactly(new UsageContribution(SUMMER_JUNE_1, "acme", "blog", false, 1, 1,
                0, 0));
    }

    @Test
    void sumsRestoredAtARestartAreHandedOnWithoutANewDecision() {
        // what the store holds after a crash between a commit and the next hand-over
        sums.put(SUMMER_JUNE_1.topicKey(), UsageContributionSerde.encode(
                new UsageContribution(SUMMER_JUNE_1, "acme", "blog", false, 3, 1, 0, 2)));
        UsageBatcher restarted = new UsageBatcher();
        restarted.init(context);

        assertThat(handOver(restarted)).containsExactly(new UsageContribution(SUMMER_JUNE_1, "acme", "blog", false,
                3, 1, 0, 2));
        assertThat(sums.approximateNumEntries()).isZero();
    }

    @Test
    void withACommitIntervalOfZeroEachContributionIsHandedOnAsItComes() {
        contextCommittingEvery(0L);
        context.setCurrentSystemTimeMs(1_000L);
        UsageBatcher batcher = new UsageBatcher();
        batcher.init(context);
        batcher.process(record(use(SUMMER_JUNE_1, true)));
        batcher.process(record(use(SUMMER_JUNE_1, false)));

        assertThat(context.forwarded().stream().<UsageContribution>map(f -> f.record().value()).toList()).containsExactly(
                use(SUMMER_JUNE_1, true), use(SUMMER_JUNE_1, false));
        assertThat(sums.approximateNumEntries()).isZero();
    }
}
