package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.HealthSettings;
import org.promoattribution.schemas.registry.RegisteredSchema;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryUnavailableException;

/** Kafka Streams starts only once the schema registry answers; until then readiness says why not. */
class RegistryWaitTest {
    private final ThreadFailureWatch watch = new ThreadFailureWatch(
            new HealthSettings(Duration.ofSeconds(30), 5, Duration.ofMinutes(10)), Clock.systemUTC());
    private final AtomicInteger starts = new AtomicInteger();

    @Test
    void aRegistryThatAnswersStartsKafkaStreamsAtOnceOnTheCallersThread() {
        try (RegistryWait wait = new RegistryWait(new DownFor(0), watch)) {
            wait.thenStart(starts::incrementAndGet);

            assertThat(starts).hasValue(1);
        }
    }

    @Test
    void aRegistryDownAtStartHoldsKafkaStreamsBackWithReadinessDownUntilItAnswers() {
        DownFor registry = new DownFor(3);
        try (RegistryWait wait = new RegistryWait(registry, watch, Duration.ofMillis(20), Duration.ofMillis(50))) {
            wait.thenStart(starts::incrementAndGet);

            assertThat(starts).as("the caller is not held").hasValue(0);
            assertThat(watch.notReady()).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("waiting for the schema registry (attempt 1, next in 20 ms): ")
                    .endsWith("schema registry unavailable: connection refused"));
            assertThat(watch.notLive()).as("a restart would not bring the registry back").isEmpty();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(starts).hasValue(1));
            assertThat(registry.checks).hasValue(4);
            watch.stateChanged(State.RUNNING);
            assertThat(watch.notReady()).isEmpty();
        }
    }

    @Test
    void theWaitsDoubleUpToTheirCap() {
        DownFor registry = new DownFor(Integer.MAX_VALUE);
        try (RegistryWait wait = new RegistryWait(registry, watch, Duration.ofMillis(100), Duration.ofMillis(400))) {
            wait.thenStart(starts::incrementAndGet);
            long begun = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.checks.get() >= 5);

            // Waits 100, 200, 400, 400 ms between the first five attempts.
            assertThat(Duration.ofNanos(System.nanoTime() - begun)).isGreaterThanOrEqualTo(Duration.ofMillis(1_100));
            assertThat(starts).hasValue(0);
        }
    }

    @Test
    void closingStopsTheWaitWithoutStarting() throws Exception {
        DownFor registry = new DownFor(Integer.MAX_VALUE);
        RegistryWait wait = new RegistryWait(registry, watch, Duration.ofMillis(50), Duration.ofMillis(50));
        wait.thenStart(starts::incrementAndGet);

        wait.close();
        int checks = registry.checks.get();
        Thread.sleep(200);

        assertThat(registry.checks).hasValue(checks);
        assertThat(starts).hasValue(0);
    }

    /** Unavailable for the first {@code failures} checks. */
    private static final class DownFor implements SchemaRegistryClient {
        private final int failures;
        final AtomicInteger checks = new AtomicInteger();

        DownFor(int failures) {
            this.failures = failures;
        }

        @Override
        public void checkReachable() {
            if (checks.incrementAndGet() <= failures) {
                throw new SchemaRegistryUnavailableException("schema registry unavailable: connection refused", null);
            }
        }

        @Override
        public int register(String subject, Schema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int idOf(String subject, Schema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Schema schemaById(int id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RegisteredSchema latestVersion(String subject) {
            throw new UnsupportedOperationException();
        }
    }
}
