package org.promoattribution.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.load.TopicReader;

/**
 * Reads a run's output topics as a downstream service would (read_committed), on a thread of
 * its own, until the expected number of records is visible: when each became visible, and, for
 * conversions whose send time is known, how long after it.
 */
final class OutputWatch implements AutoCloseable {
    private static final Duration SILENCE = Duration.ofSeconds(30);

    private final TopicReader reader;
    private final CompletableFuture<Observed> result;

    /** What was seen: how many records, when the last became visible, and the latencies in ms. */
    record Observed(long records, long lastNanos, long[] latenciesMs) {
    }

    /**
     * @param sentAt        conversionId to the wall-clock ms it was sent; empty for a throughput run
     * @param conversionIds the conversion an output record stands for
     * @param progress      told the count of records seen so far, after each one
     */
    OutputWatch(AttributionConfig config, List<String> topics, long expected, Map<String, Long> sentAt,
                Function<ConsumerRecord<byte[], byte[]>, String> conversionIds, LongConsumer progress) {
        reader = TopicReader.open(config, topics, true);
        result = CompletableFuture.supplyAsync(() -> watch(expected, sentAt, conversionIds, progress),
                runnable -> new Thread(runnable, "bench-output-watch").start());
    }

    private Observed watch(long expected, Map<String, Long> sentAt,
                           Function<ConsumerRecord<byte[], byte[]>, String> conversionIds, LongConsumer progress) {
        long[] latencies = new long[(int) Math.min(expected, Integer.MAX_VALUE)];
        Set<String> seen = new HashSet<>();
        long[] state = new long[3]; // records, last nanos, latencies taken
        reader.read(record -> {
            long now = System.currentTimeMillis();
            state[0]++;
            state[1] = System.nanoTime();
            progress.accept(state[0]);
            if (!sentAt.isEmpty()) {
                String id = conversionIds.apply(record);
                Long sent = id == null ? null : sentAt.get(id);
                if (sent != null && seen.add(id) && state[2] < latencies.length) {
                    latencies[(int) state[2]++] = now - sent;
                }
            }
            return state[0] < expected;
        }, SILENCE);
        if (state[0] < expected) {
            throw new IllegalStateException("only " + state[0] + " of " + expected + " output records visible after "
                    + SILENCE.toSeconds() + " s without a new one");
        }
        return new Observed(state[0], state[1], Arrays.copyOf(latencies, (int) state[2]));
    }

    /** Waits until every expected record was seen. */
    Observed await() throws InterruptedException, ExecutionException {
        return result.get();
    }

    @Override
    public void close() {
        reader.wakeup();
        result.handle((observed, error) -> null).join();
        reader.close();
    }
}
