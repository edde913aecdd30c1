package org.promoattribution.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.promoattribution.metrics.AttributionMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Input the pipeline will never read: each position found out of range (records deleted before
 * they were processed) is logged at ERROR with the lost range, counted by topic in
 * {@code attribution.input.records.lost} (by offsets, so transaction markers count too), and kept,
 * the latest per partition, for health to show for the life of the instance: nothing the instance
 * does later brings those records back, someone has to replay them from their source.
 */
public final class LostInput {
    private static final Logger log = LoggerFactory.getLogger(LostInput.class);

    private final AttributionMetrics metrics;
    private final Map<TopicPartition, OffsetLoss> latest = new LinkedHashMap<>();
    private long total;

    public LostInput(AttributionMetrics metrics) {
        this.metrics = metrics;
    }

    /** Reports one position found out of range; Kafka Streams then resets it per auto.offset.reset. */
    public void found(OffsetLoss loss) {
        log.error("{}; Kafka Streams goes on from the offset auto.offset.reset gives (the log's start by default)."
                + " Replay the lost records from their source.", loss.describe());
        metrics.inputRecordsLost(loss.partition().topic(), loss.lost());
        synchronized (this) {
            latest.put(loss.partition(), loss);
            total += loss.lost();
        }
    }

    /** What health shows: the input lost since the instance started, the latest per partition; empty if none. */
    public synchronized Optional<String> describe() {
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        List<String> losses = new ArrayList<>(latest.size());
        latest.values().forEach(l -> losses.add(l.describe() + " (at " + l.at() + ")"));
        return Optional.of(total + " input records lost since start: " + String.join("; ", losses));
    }
}
