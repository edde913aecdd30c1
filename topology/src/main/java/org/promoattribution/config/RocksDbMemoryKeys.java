package org.promoattribution.config;

import java.util.Map;

/**
 * The keys of the RocksDB memory budget (app.BoundedRocksDbMemory). Kafka Streams hands its
 * settings to the RocksDB config setter, so these are passed on to it and read there.
 */
public final class RocksDbMemoryKeys {
    public static final String MEMORY_BYTES = "rocksdb.memory.bytes";
    public static final String WRITE_BUFFER_RATIO = "rocksdb.write.buffer.ratio";

    // rocksdb.config.setter is Kafka Streams': our prefixes stop short of it.
    static final OwnedKeys KEYS = OwnedKeys.passedToKafkaStreams("RocksDB memory", "rocksdb.memory.",
                    "rocksdb.write.buffer.")
            .define(MEMORY_BYTES, Parsers::wholeNumber, String.valueOf(64L * 1024 * 1024),
                    "one block cache shared by every store of the instance, memtables included")
            .define(WRITE_BUFFER_RATIO, Parsers::number, "0.5", "share of that cache the memtables may use");

    private RocksDbMemoryKeys() {
    }

    public static long memoryBytes(Map<?, ?> streamsSettings) {
        return KEYS.value(MEMORY_BYTES, streamsSettings);
    }

    public static double writeBufferRatio(Map<?, ?> streamsSettings) {
        return KEYS.value(WRITE_BUFFER_RATIO, streamsSettings);
    }
}
