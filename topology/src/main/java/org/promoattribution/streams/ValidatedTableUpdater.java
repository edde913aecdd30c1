package org.promoattribution.streams;

import org.promoattribution.deadletter.ProcessingErrorDeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store of checked values (promo-code definitions, commission terms) and the
 * in-memory index beside it in step with their validated topic (SPEC rule 9). Only values the
 * partitioned stream checked (promo codes: applied once, {@link PromoCodeApplier#tryOut}) reach
 * this topic; one that failed went to the dead-letter topic instead. A value that still fails here
 * (written to this topic by hand) leaves the one it meant to replace live, as an invalid update
 * does, and is counted: this processor cannot reach the dead-letter topic, and runs on every instance.
 */
final class ValidatedTableUpdater<T extends SpecificRecord> implements Processor<byte[], byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(ValidatedTableUpdater.class);

    private final RecordDecoder<T> decoder;
    private final String topic;
    private final String storeName;
    private final BiConsumer<String, T> apply;
    private final Consumer<String> remove;
    private final Runnable notApplied;
    private KeyValueStore<byte[], byte[]> store;
    private ProcessorContext<Void, Void> context;

    /**
     * @param apply      puts a value live in the index under its key; throws when it cannot
     * @param remove     removes a key from the index
     * @param notApplied counts a value that could not be applied
     */
    ValidatedTableUpdater(RecordDecoder<T> decoder, String topic, String storeName, BiConsumer<String, T> apply,
                          Consumer<String> remove, Runnable notApplied) {
        this.decoder = decoder;
        this.topic = topic;
        this.storeName = storeName;
        this.apply = apply;
        this.remove = remove;
        this.notApplied = notApplied;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
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
            remove.accept(new String(record.key(), StandardCharsets.UTF_8));
            store.delete(record.key());
        } else if (apply(record.key(), record.value())) {
            store.put(record.key(), record.value());
        } // else the store keeps the bytes of the value that stays live
    }

    /** Updates the index; false when the value could not be applied and the one before stays live. */
    private boolean apply(byte[] key, byte[] value) {
        String id = new String(key, StandardCharsets.UTF_8);
        try {
            apply.accept(id, decoder.decode(topic, value, Instant.ofEpochMilli(context.currentSystemTimeMs())));
            return true;
        } catch (RuntimeException e) {
            if (ProcessingErrorDeadLetters.isRegistryFailure(e)) {
                throw e; // not the value's fault: skipping it would lose an update; the instance fails and restarts
            }
            log.error("{} {} could not be applied; the one live before stays live", storeName, id, e);
            notApplied.run();
            return false;
        }
    }
}
