package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.reversal;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.RocksDbMemoryKeys;
import org.promoattribution.state.SeenIds;
import org.promoattribution.state.StoreNames;
import org.promoattribution.testing.AttributionDriver;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** The RocksDB memory bound: applied to every store of the pipeline, one cache for all. */
class BoundedRocksDbMemoryTest {
    private static final long EIGHT_MIB = 8L * 1024 * 1024;

    @Test
    void everyRocksDbStoreOfThePipelineUsesTheOneBoundedCache() {
        Properties settings = AttributionDriver.settings(
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName(),
                RocksDbMemoryKeys.MEMORY_BYTES, String.valueOf(EIGHT_MIB));
        try (AttributionDriver driver = new AttributionDriver(settings)) {
            // A window store opens its first segment with its first record.
            driver.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"))
                    .adjustments(reversal("a1", "o1", "2026-06-02T10:00:00Z"));
            // Only the previous version wrote seen-conversions: an id of its, as it would have.
            driver.driver().<Bytes, byte[]>getWindowStore(StoreNames.SEEN_CONVERSIONS)
                    .put(SeenIds.key("acme", "o0"), new byte[0], driver.now().toEpochMilli());
            List<Metric> capacities = driver.driver().metrics().values().stream()
                    .filter(m -> m.metricName().name().equals("block-cache-capacity"))
                    .map(Metric.class::cast)
                    .toList();
            // Without the setter each store would report its own 50 MiB cache.
            assertThat(capacities).as("a capacity metric per RocksDB store").hasSizeGreaterThanOrEqualTo(6);
            assertThat(capacities).allSatisfy(m -> assertThat(((Number) m.metricValue()).longValue())
                    .as(m.metricName().tags().toString()).isEqualTo(EIGHT_MIB));
        }
    }

    @Test
    void memtablesAreChargedToTheSameCache() {
        try (Options options = new Options().setTableFormatConfig(new BlockBasedTableConfig())) {
            new BoundedRocksDbMemory().setConfig("store", options, Map.of());

            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(options.writeBufferManager()).isNotNull();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(options.arenaBlockSize()).as("idle memtables reserve little of the shared budget")
                    .isEqualTo(BoundedRocksDbMemory.ARENA_BLOCK_BYTES);
        }
    }

    @Test
    void theAppUsesTheSetterUnlessAnotherIsConfigured() {
        assertThat(BoundedRocksDbMemory.asDefault(new Properties()))
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        Properties own = AttributionDriver.settings(
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.Own");
        assertThat(BoundedRocksDbMemory.asDefault(own))
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.Own");
    }

    @Test
    void budgetDefaultsTo64MiBHalfOfItForMemtables() {
        assertThat(BoundedRocksDbMemory.Budget.of(Map.of()))
                .isEqualTo(new BoundedRocksDbMemory.Budget(64L * 1024 * 1024, 0.5));
    }

    @Test
    void aBadBudgetStopsTheStartWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> BoundedRocksDbMemory.asDefault(
                AttributionDriver.settings(RocksDbMemoryKeys.MEMORY_BYTES, "64MB")))
                .hasMessageContaining("rocksdb.memory.bytes");
        assertThatThrownBy(() -> BoundedRocksDbMemory.asDefault(
                AttributionDriver.settings(RocksDbMemoryKeys.WRITE_BUFFER_RATIO, "1.5")))
                .hasMessageContaining("rocksdb.write.buffer.ratio");
        assertThatThrownBy(() -> BoundedRocksDbMemory.asDefault(
                AttributionDriver.settings(RocksDbMemoryKeys.MEMORY_BYTES, "0")))
                .hasMessageContaining("rocksdb.memory.bytes");
    }
}
