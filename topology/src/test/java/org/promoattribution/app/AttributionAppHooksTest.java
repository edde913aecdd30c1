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
import org.promoattribution.config.TermsTableSettings;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.testing.Fixtures;
import org.promoattribution.validation.TermsDefinitions;

/** The application's hooks are its named, overridable parts: an override is what Kafka Streams calls. */
class AttributionAppHooksTest {
    @TempDir
    Path stateDir;

    /** An instance that is never started: nothing connects. */
    private AttributionConfig config(Properties settings) {
        settings.setProperty("bootstrap.servers", "127.0.0.1:9");
        settings.setProperty("schema.registry.url", SchemaRegistryClients.MOCK_SCHEME + "hooks-test");
        settings.setProperty("state.dir", stateDir.toString());
        return AttributionConfig.from(settings);
    }

    @Test
    void overriddenHooksAreTheOnesKafkaStreamsCalls() {
        AttributionMetrics metrics = new AttributionMetrics(new SimpleMeterRegistry());
        RecordingHooks hooks = new RecordingHooks(metrics);
        AttributionConfig config = config(new Properties());

        new AttributionApp(config, SchemaRegistryClients.fromConfig(config.registry()), metrics, hooks).close();

        assertThat(hooks.adminsCreated).as("clients from the overridden supplier").isPositive();
        // Kafka Streams tells its listener after it lets close() return: wait for the last state.
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks.states.contains(State.NOT_RUNNING));
        assertThat(hooks.states).as("states seen by the overridden listener")
                .containsExactly(State.PENDING_SHUTDOWN, State.NOT_RUNNING);
        assertThat(hooks.closeOptionsAsked).as("close options asked of the hooks").isTrue();
    }

    /** The terms index the topology fills is the one with the configured budget, and the one the gauge reads. */
    @Test
    void theTermsIndexHasTheConfiguredBudgetAndItsHeapIsTheGauges() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Properties settings = new Properties();
        settings.setProperty(TermsTableSettings.MEMORY_BYTES, "1");
        AttributionConfig config = config(settings);

        try (AttributionApp app = new AttributionApp(config, SchemaRegistryClients.fromConfig(config.registry()),
                new AttributionMetrics(meters))) {
            assertThat(app.terms().overBudget()).isEmpty();
            app.terms().put("t-1", TermsDefinitions.from(Fixtures.terms("t-1", "blog", "5").build(), Duration.ofDays(1)));

            assertThat(meters.get("attribution.terms.memory").gauge().value()).isEqualTo(app.terms().memoryBytes())
                    .isPositive();
            assertThat(app.terms().overBudget()).isPresent();
        }
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
