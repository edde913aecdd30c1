package org.promoattribution.streams;

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
import org.promoattribution.validation.InvalidRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store of checked definitions (commission terms) and the in-memory index beside
 * it in step with their validated topic (SPEC rule 9). Only values that passed the topology's
 * checks reach that topic; an invalid update went to the dead-letter topic instead and the value
 * it meant to replace stays live.
 */
final class ValidatedTableUpdater<T extends SpecificRecord> implements Processor<byte[], byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(ValidatedTableUpdater.class);
    private final RecordDecoder<T> decoder;
    private final String topic;
    private final String storeName;
    private final BiConsumer<String, T> put;
    private final Consumer<String> remove;
    private KeyValueStore<byte[], byte[]> store;
    private ProcessorContext<Void, Void> context;

    /**
     * @param put    puts the decoded value into the index under its key; throws InvalidRecordException when it is not valid
     * @param remove removes a key from the index
     */
    ValidatedTableUpdater(RecordDecoder<T> decoder, String topic, String storeName, BiConsumer<String, T> put,
                          Consumer<String> remove) {
        this.decoder = decoder;
        this.topic = topic;
        this.storeName = storeName;
        this.put = put;
        this.remove = remove;
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
        if (apply(record.key(), record.value())) {
            store.put(record.key(), record.value());
        } else {
            store.delete(record.key());
        }
    }

    /** Updates the index; true when the key now holds a valid value. */
    private boolean apply(byte[] key, byte[] value) {
        String id = new String(key, StandardCharsets.UTF_8);
        if (value == null) {
            remove.accept(id);
            return false;
        }
        try {
            put.accept(id, decoder.decode(topic, value, Instant.ofEpochMilli(context.currentSystemTimeMs())));
            return true;
        } catch (InvalidRecordException e) {
            // Checked upstream; only a value written to this topic by hand can get here.
            remove.accept(id);
            return false;
        } catch (RuntimeException e) {
            // The global thread has no exception handler and cannot be replaced: a failure here
            // would stop the whole instance. The value was checked upstream, so this is a bug; it
            // is left out of the index, loudly, rather than stopping everyone.
            log.error("{} {} could not be applied and is not live", storeName, id, e);
            remove.accept(id);
            return false;
        }
    }
}
