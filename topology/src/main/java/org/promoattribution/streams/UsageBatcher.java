package org.promoattribution.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.state.StoreNames;
import org.promoattribution.state.UsageContributionSerde;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.usage.UsageKey;

/**
 * Sums, beside the decision ledger, the usage contributions of the decisions it writes per
 * (definition, day), and hands each sum on once a commit interval: a busy code's orders travel to
 * its figures as one record an interval, not one each. The sums wait in a logged store, so those
 * committed and not yet handed on survive a crash (under exactly-once, with the decisions that
 * made them).
 */
final class UsageBatcher implements Processor<String, UsageContribution, String, UsageContribution> {
    private ProcessorContext<String, UsageContribution> context;
    private KeyValueStore<String, byte[]> sums;
    /** Whether the store may hold sums: true at start, since a restart restores those not yet handed on. */
    private boolean summing = true;
    /** Whether each record is handed on as it comes (commit.interval.ms 0). */
    private boolean everyRecord;

    @Override
    public void init(ProcessorContext<String, UsageContribution> context) {
        this.context = context;
        sums = context.getStateStore(StoreNames.USAGE_BATCH);
        // The commit interval as Kafka Streams resolved it (100 ms under exactly-once): nothing
        // downstream sees a sum before its commit anyway.
        long commitIntervalMs = ((Number) context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).longValue();
        // commit.interval.ms 0 commits after every record: each record is an interval of its own
        // (simulate runs so, for usage.retention to judge each use in the order decided).
        everyRecord = commitIntervalMs == 0;
        // Sums a restart restored are handed on at the next punctuation, even when each record is its own interval.
        context.schedule(Duration.ofMillis(Math.max(1, commitIntervalMs)), PunctuationType.WALL_CLOCK_TIME,
                this::handOver);
    }

    @Override
    public void process(Record<String, UsageContribution> record) {
        if (everyRecord) {
            context.forward(record.withTimestamp(context.currentSystemTimeMs())); // as a hand-over stamps it
            return;
        }
        byte[] sum = sums.get(record.key());
        UsageContribution added = sum == null ? record.value()
                : UsageContributionSerde.decode(sum).plus(record.value());
        sums.put(record.key(), UsageContributionSerde.encode(added));
        summing = true;
    }

    private void handOver(long wallNowMs) {
        if (!summing) {
            return; // no scan of an empty store every interval while no decisions come
        }
        summing = false;
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = sums.all()) {
            it.forEachRemaining(due::add);
        }
        // Oldest day first: the figures keep usage.retention back from the latest day they have seen,
        // so a later day handed on first would make them forget older days of this interval uncounted.
        due.sort(Comparator.comparing((KeyValue<String, byte[]> sum) -> UsageKey.parse(sum.key).day())
                .thenComparing(sum -> sum.key));
        for (KeyValue<String, byte[]> sum : due) {
            sums.delete(sum.key);
            context.forward(new Record<>(sum.key, UsageContributionSerde.decode(sum.value), wallNowMs));
        }
    }
}
