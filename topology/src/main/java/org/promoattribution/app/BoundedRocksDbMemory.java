package org.promoattribution.app;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.promoattribution.config.RocksDbMemoryKeys;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of all RocksDB stores of this JVM. Left alone, every store (and every
 * segment of a window store) of every task opens its own 50 MiB block cache and up to three 16 MiB
 * memtables, so memory grows with partitions and segments. Here one LRU cache of
 * {@code rocksdb.memory.bytes} holds the data blocks, the index and filter blocks and, through a
 * write-buffer manager charged to it, the memtables ({@code rocksdb.write.buffer.ratio} of it).
 *
 * <p>Kafka Streams creates one setter per store, so the cache lives in a static: stores with the
 * same settings share one; it is never closed, since stores come and go with rebalances.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** A memtable's unit of allocation; see {@link #setConfig}. */
    static final long ARENA_BLOCK_BYTES = 64 * 1024;
    /** Share of the cache kept for index and filter blocks, which every read needs. */
    private static final double HIGH_PRIORITY_RATIO = 0.1;

    private static final Map<Budget, Shared> SHARED = new ConcurrentHashMap<>();

    /** The memory of all stores, and the part of it memtables may take. */
    public record Budget(long bytes, double writeBufferRatio) {
        public Budget {
            if (bytes < 1) {
                throw new IllegalArgumentException(RocksDbMemoryKeys.MEMORY_BYTES
                        + " must be a positive number of bytes: " + bytes);
            }
            if (!(writeBufferRatio > 0 && writeBufferRatio < 1)) {
                throw new IllegalArgumentException(RocksDbMemoryKeys.WRITE_BUFFER_RATIO
                        + " must be between 0 and 1 (exclusive): " + writeBufferRatio);
            }
        }

        /** Reads the budget from Kafka Streams settings, where the setter finds them. */
        public static Budget of(Map<?, ?> settings) {
            return new Budget(RocksDbMemoryKeys.memoryBytes(settings), RocksDbMemoryKeys.writeBufferRatio(settings));
        }
    }

    private record Shared(Cache cache, WriteBufferManager writeBuffers) {
        static Shared allocate(Budget budget) {
            Cache cache = new LRUCache(budget.bytes(), -1, false, HIGH_PRIORITY_RATIO);
            long memtables = (long) (budget.bytes() * budget.writeBufferRatio());
            return new Shared(cache, new WriteBufferManager(memtables, cache));
        }
    }

    /**
     * Kafka Streams settings with this setter as the default: a configured
     * {@code rocksdb.config.setter} wins. Checks the budget now, so a bad value stops the start
     * instead of the first store to open.
     */
    public static Properties asDefault(Properties streams) {
        Budget.of(streams);
        Properties withSetter = new Properties();
        withSetter.putAll(streams);
        withSetter.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        return withSetter;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared shared = SHARED.computeIfAbsent(Budget.of(configs), Shared::allocate);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBuffers());
        // A memtable reserves its arena a block at a time, 1 MiB by default, from the shared
        // write-buffer budget: with tens of stores and segments, the idle ones would hold it all
        // and the manager would flush tiny memtables without end (writes stalled behind L0).
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
    }

    @Override
    public void close(String storeName, Options options) {
        // The shared cache and write-buffer manager outlive any one store.
    }
}
