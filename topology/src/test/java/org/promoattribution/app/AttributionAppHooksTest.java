package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.HealthSettings;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryClients;

/** The application's hooks are its named, overridable parts: an override is what Kafka Streams calls. */
class AttributionAppHooksTest {
    @TempDir
    Path stateDir;

    @Test
    void overriddenHooksAreTheOnesKafkaStreamsCalls() {
        AttributionMetrics metrics = new AttributionMetrics(new SimpleMeterRegistry());
        RecordingHooks hooks = new RecordingHooks(metrics);
        Properties settings = new Properties();
        settings.setProperty("bootstrap.servers", "127.0.0.1:9"); // never started: nothing connects
        settings.setProperty("schema.registry.url", SchemaRegistryClients.MOCK_SCHEME + "hooks-test");
        settings.setProperty("state.dir", stateDir.toString());
        AttributionConfig config = AttributionConfig.from(settings);

        new AttributionApp(config, SchemaRegistryClients.fromConfig(config.registry()), metrics, hooks).close();

        assertThat(hooks.adminsCreated).as("clients from the overridden supplier").isPositive();
        // Kafka Streams tells its listener after it lets close() return: wait for the last state.
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks.states.contains(State.NOT_RUNNING));
        assertThat(hooks.states).as("states seen by the overridden listener")
                .containsExactly(State.PENDING_SHUTDOWN, State.NOT_RUNNING);
        assertThat(hooks.closeOptionsAsked).as("close options asked of the hooks").isTrue();
    }

    private static final class RecordingHooks extends StreamsHooks {
        final List<State> states = new CopyOnWriteArrayList<>();
        int adminsCreated;
        boolean closeOptionsAsked;

        RecordingHooks(AttributionMetrics metrics) {
            super(new ThreadFailureWatch(new HealthSettings(Duration.ofSeconds(1), 1, Duration.ofMinutes(1)),
                    Clock.systemUTC()), metrics);
        }

        @Override
        public KafkaStreams.StateListener stateListener() {
            return (newState, oldState) -> states.add(newState);
        }

        @Override
        public KafkaClientSupplier clientSupplier() {
            return new DefaultKafkaClientSupplier() {
                @Override
                public Admin getAdmin(Map<String, Object> config) {
                    adminsCreated++;
                    return super.getAdmin(config);
                }
            };
        }

        @Override
        public CloseOptions closeOptions() {
            closeOptionsAsked = true;
            return super.closeOptions().withTimeout(Duration.ofSeconds(5));
        }
    }
}
