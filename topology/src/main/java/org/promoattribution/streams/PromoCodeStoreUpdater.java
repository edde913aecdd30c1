package org.promoattribution.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.state.StoreNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global promo-code store and the in-memory {@link PromoCodeIndex} beside it in step
 * with the validated promo codes (SPEC rule 9). Only definitions that the promo-codes stream
 * applied once ({@link PromoCodeApplier#tryOut}) reach this topic; one that failed went to the
 * dead-letter topic instead. A definition that still fails here (written to this topic by hand)
 * leaves the definition it meant to replace live, as an invalid update does, and is counted: this
 * processor cannot reach the dead-letter topic, and runs on every instance.
 */
final class PromoCodeStoreUpdater implements Processor<byte[], byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(PromoCodeStoreUpdater.class);
    private final RecordDecoder<PromoCode> decoder;
    private final PromoCodeApplier applier;
    private final PromoCodeIndex index;
    private final String topic;
    private final AttributionMetrics metrics;
    private KeyValueStore<byte[], byte[]> store;
    private ProcessorContext<Void, Void> context;

    PromoCodeStoreUpdater(RecordDecoder<PromoCode> decoder, PromoCodeApplier applier, PromoCodeIndex index,
                          String topic, AttributionMetrics metrics) {
        this.decoder = decoder;
        this.applier = applier;
        this.index = index;
        this.topic = topic;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(StoreNames.PROMO_CODES);
        // The store may have been restored from the topic without passing through process().
        try (KeyValueIterator<byte[], byte[]> all = store.all()) {
            all.forEachRemaining(kv -> apply(kv.key, kv.value));
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            index.remove(new String(record.key(), StandardCharsets.UTF_8));
            store.delete(record.key());
        } else if (apply(record.key(), record.value())) {
            store.put(record.key(), record.value());
        } // else the store keeps the bytes of the definition that stays live
    }

    /** Updates the index; false when the definition could not be applied and the one before stays live. */
    private boolean apply(byte[] key, byte[] value) {
        String id = new String(key, StandardCharsets.UTF_8);
        try {
            applier.apply(index, id, decoder.decode(topic, value, Instant.ofEpochMilli(context.currentSystemTimeMs())));
            return true;
        } catch (RuntimeException e) {
            if (ProcessingErrorDeadLetters.isRegistryFailure(e)) {
                throw e; // not the definition's fault: skipping it would lose an update; the instance fails and restarts
            }
            log.error("promo code {} could not be applied; the definition live before stays live", id, e);
            metrics.promoCodeNotApplied();
            return false;
        }
    }
}
