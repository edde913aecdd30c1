package org.promoattribution.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.state.StoreNames;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.validation.InvalidRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global promo-code store and the in-memory {@link PromoCodeIndex} beside it in step
 * with the validated promo codes (SPEC rule 9). Only definitions that passed the topology's
 * checks reach this topic; an invalid update went to the dead-letter topic instead and the
 * definition it meant to replace stays live.
 */
final class PromoCodeStoreUpdater implements Processor<byte[], byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(PromoCodeStoreUpdater.class);
    private final RecordDecoder<PromoCode> decoder;
    private final CodeDefinitions definitions;
    private final PromoCodeIndex index;
    private final String topic;
    private KeyValueStore<byte[], byte[]> store;
    private ProcessorContext<Void, Void> context;

    PromoCodeStoreUpdater(RecordDecoder<PromoCode> decoder, CodeDefinitions definitions, PromoCodeIndex index,
                          String topic) {
        this.decoder = decoder;
        this.definitions = definitions;
        this.index = index;
        this.topic = topic;
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
        if (apply(record.key(), record.value())) {
            store.put(record.key(), record.value());
        } else {
            store.delete(record.key());
        }
    }

    /** Updates the index; true when the key now holds a valid definition. */
    private boolean apply(byte[] key, byte[] value) {
        String id = new String(key, StandardCharsets.UTF_8);
        if (value == null) {
            index.remove(id);
            return false;
        }
        try {
            index.put(id, definitions.check(decoder.decode(topic, value,
                    Instant.ofEpochMilli(context.currentSystemTimeMs()))));
            return true;
        } catch (InvalidRecordException e) {
            // Checked upstream; only a definition written to this topic by hand can get here.
            index.remove(id);
            return false;
        } catch (RuntimeException e) {
            // The global thread has no exception handler and cannot be replaced: a failure here
            // would stop the whole instance. The definition was checked upstream, so this is a
            // bug; the code is left out of the index, loudly, rather than stopping everyone.
            log.error("promo code {} could not be applied and is not live", id, e);
            index.remove(id);
            return false;
        }
    }
}
