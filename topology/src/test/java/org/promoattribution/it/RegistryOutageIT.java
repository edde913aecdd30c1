package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.it.ServedInstances.awaitOk;
import static org.promoattribution.it.ServedInstances.get;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.avro.Schema;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.registry.RegisteredSchema;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryUnavailableException;

/**
 * A schema registry down when the instance starts, then back: Kafka Streams waits for it (no
 * stream thread dies), readiness says so, and decisions flow once it answers; down again, records
 * whose schemas the instance already knows are still decided.
 */
class RegistryOutageIT {

    @Test
    void anInstanceStartedWithoutTheRegistryWaitsNotReadyThenDecides(@TempDir Path dir) throws Exception {
        try (LivePipeline pipeline = new LivePipeline(dir.resolve("unused"))) {
            Switchable registry = new Switchable(pipeline.registry);
            registry.down = true;
            try (PipelineInstance instance = ServedInstances.startWith(pipeline, dir.resolve("state"), registry)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> registry.checks >= 2);

                assertThat(get(instance, "/health/ready").statusCode()).isEqualTo(503);
                assertThat(get(instance, "/health/ready").body()).contains("\"state\":\"CREATED\"",
                        "waiting for the schema registry (attempt ", "registry switched off");
                assertThat(get(instance, "/health/live").statusCode()).isEqualTo(200);
                assertThat(instance.app().streams().state()).isEqualTo(KafkaStreams.State.CREATED);

                registry.down = false;
                awaitOk(instance, "/health/ready");
                pipeline.send(click("out-c1", "out-s1", "blog", "2026-06-01T10:00:00Z"));
                pipeline.send(conversion("out-o1", "out-s1", "2026-06-01T10:05:00Z"));
                assertThat(pipeline.decisionsOnceDecided("out-o1")).extracting(AttributionDecision::getOutcome)
                        .containsExactly(Outcome.CREDITED);

                registry.down = true;
                pipeline.send(conversion("out-o2", "out-s1", "2026-06-01T10:06:00Z"));
                assertThat(pipeline.decisionsOnceDecided("out-o1", "out-o2")).hasSize(2);
                assertThat(instance.app().health().notReady()).isEmpty();
            }
        }
    }

    /** The live registry, or none at all while {@link #down}. */
    private static final class Switchable implements SchemaRegistryClient {
        private final SchemaRegistryClient live;
        volatile boolean down;
        volatile int checks;

        Switchable(SchemaRegistryClient live) {
            this.live = live;
        }

        private void requireUp() {
            if (down) {
                throw new SchemaRegistryUnavailableException("schema registry unavailable: registry switched off", null);
            }
        }

        @Override
        public void checkReachable() {
            checks++;
            requireUp();
            live.checkReachable();
        }

        @Override
        public int register(String subject, Schema schema) {
            requireUp();
            return live.register(subject, schema);
        }

        @Override
        public int idOf(String subject, Schema schema) {
            requireUp();
            return live.idOf(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            requireUp();
            return live.schemaById(id);
        }

        @Override
        public RegisteredSchema latestVersion(String subject) {
            requireUp();
            return live.latestVersion(subject);
        }
    }
}
