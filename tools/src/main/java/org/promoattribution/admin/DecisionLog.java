package org.promoattribution.admin;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.promoattribution.config.Topics;
import org.promoattribution.payouts.PayoutLedger;
import org.promoattribution.streams.AttributionSerdes;

/**
 * The decisions the pipeline has written so far, summed for payouts: the credited decisions and
 * the adjustment decisions, read committed from their beginning to their end (only CREDITED
 * decisions make payouts, so the invalid and unattributed topics are not read).
 */
public final class DecisionLog {
    private DecisionLog() {
    }

    /** Reads both topics with {@code consumer}, which this method assigns; fails after {@code silence} without records. */
    public static PayoutLedger payouts(Consumer<byte[], byte[]> consumer, Topics topics, AttributionSerdes serdes,
                                       Duration silence) {
        PayoutLedger ledger = new PayoutLedger();
        try {
            WholeTopic.readToEnd(consumer, topics.credited(), silence, record -> {
                if (record.value() != null) { // the pipeline writes none; a stray tombstone decides nothing
                    ledger.decided(serdes.decision().deserializer().deserialize(record.topic(), record.value()));
                }
            });
            WholeTopic.readToEnd(consumer, topics.adjusted(), silence, record -> {
                if (record.value() != null) {
                    ledger.adjusted(serdes.adjustmentDecision().deserializer().deserialize(record.topic(), record.value()));
                }
            });
        } catch (SerializationException e) {
            throw new IllegalStateException("a decision could not be read: " + e.getMessage(), e);
        }
        return ledger;
    }
}
