package org.promoattribution.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StoreMetricTagsTest {
    @Test
    void storeMetersOfEveryKindReachPrometheusUnderTheSameTagKeys() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StoreMetricTags());
        // As Kafka Streams names them: the tag key says the store's kind.
        Gauge.builder("kafka.stream.state.put.rate", () -> 1.0)
                .tags("thread.id", "t1", "task.id", "0_1", "rocksdb.window.state.id", "decision-explanations")
                .register(registry);
        Gauge.builder("kafka.stream.state.put.rate", () -> 2.0)
                .tags("thread.id", "t1", "task.id", "0_1", "rocksdb.state.id", "click-history")
                .register(registry);

        assertThat(registry.scrape()).contains(
                "kafka_stream_state_put_rate{state_id=\"decision-explanations\",store_type=\"rocksdb.window\","
                        + "task_id=\"0_1\",thread_id=\"t1\"} 1.0",
                "kafka_stream_state_put_rate{state_id=\"click-history\",store_type=\"rocksdb\","
                        + "task_id=\"0_1\",thread_id=\"t1\"} 2.0");
        registry.close();
    }
}
