package org.promoattribution.app;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionMetrics;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.AttributionTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running instance of the pipeline: the topology in a KafkaStreams, with its metrics bound. */
public final class AttributionApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttributionApp.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final PromoCodeIndex index = new PromoCodeIndex();

    public AttributionApp(AttributionConfig config, SchemaRegistryClient registry, AttributionMetrics metrics) {
        AttributionSerdes serdes = AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry()));
        streams = new KafkaStreams(AttributionTopology.build(config, serdes, metrics, index),
                BoundedRocksDbMemory.asDefault(AttributionTopology.settings(config, metrics)));
        // A failure in one stream thread (e.g. the registry briefly unreachable) must not stop
        // the instance: the thread is replaced and resumes from its last committed offsets.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("state {} -> {}", before, now));
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public PromoCodeIndex codes() {
        return index;
    }

    @Override
    public void close() {
        streamsMetrics.close();
        // Leaving the group lets a restarted or remaining instance take the partitions over at
        // once instead of after the session timeout.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
