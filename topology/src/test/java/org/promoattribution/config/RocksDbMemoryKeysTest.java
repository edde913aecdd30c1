package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RocksDB memory budget: read by the config setter from the Kafka Streams settings, so passed there. */
class RocksDbMemoryKeysTest {

    @Test
    void defaultsAre64MiBHalfForMemtables() {
        assertThat(RocksDbMemoryKeys.memoryBytes(Map.of())).isEqualTo(64L * 1024 * 1024);
        assertThat(RocksDbMemoryKeys.writeBufferRatio(Map.of())).isEqualTo(0.5);
    }

    @Test
    void eachKeyIsReadFromTheKafkaStreamsSettings() {
        AttributionConfig config = config("rocksdb.memory.bytes", "1048576", "rocksdb.write.buffer.ratio", "0.25");
        assertThat(config.streams()).containsEntry("rocksdb.memory.bytes", "1048576")
                .containsEntry("rocksdb.write.buffer.ratio", "0.25");
        assertThat(RocksDbMemoryKeys.memoryBytes(config.streams())).isEqualTo(1_048_576L);
        assertThat(RocksDbMemoryKeys.writeBufferRatio(config.streams())).isEqualTo(0.25);
    }

    @Test
    void kafkaStreamsOwnRocksDbSettingStaysWithIt() {
        assertThat(config("rocksdb.config.setter", "com.example.Setter").streams())
                .containsEntry("rocksdb.config.setter", "com.example.Setter");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> RocksDbMemoryKeys.memoryBytes(Map.of("rocksdb.memory.bytes", "64MB")))
                .hasMessage("rocksdb.memory.bytes must be a number: 64MB");
        assertThatThrownBy(() -> RocksDbMemoryKeys.writeBufferRatio(Map.of("rocksdb.write.buffer.ratio", "half")))
                .hasMessage("rocksdb.write.buffer.ratio must be a number: half");
    }

    @Test
    void aMistypedKeyIsAnError() {
        assertThatThrownBy(() -> config("rocksdb.memory.byte", "1048576")).hasMessageContaining(
                "(did you mean rocksdb.memory.bytes?)");
    }
}
