package org.promoattribution.load;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.promoattribution.app.AttributionApp;
import org.promoattribution.app.TopicSetup;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.HttpSettings;
import org.promoattribution.local.LocalStack;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.registry.RestSchemaRegistryConfig;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.state.StoreNames;
import org.promoattribution.streams.AttributionSerdes;

/**
 * The pipeline running in this JVM on a started local stack, with its topics created: what
 * the demo, the integration tests and benchmarks drive. Closing it stops the pipeline, not the stack.
 */
public final class LocalPipeline implements AutoCloseable {
    private static final int PARTITIONS = 3;

    private final Properties connection;
    private final AttributionConfig config;
    private final SchemaRegistryClient registry;
    private final AttributionApp app;
    /** What stops the pipeline: the app, or the instance serving it over HTTP. */
    private final AutoCloseable running;
    private final URI url;
    private final Path temporaryState;

    private LocalPipeline(Properties connection, AttributionConfig config, SchemaRegistryClient registry,
                          AttributionApp app, AutoCloseable running, URI url, Path temporaryState) {
        this.connection = connection;
        this.config = config;
        this.registry = registry;
        this.app = app;
        this.running = running;
        this.url = url;
        this.temporaryState = temporaryState;
    }

    /**
     * Creates the topics on {@code stack} and starts the pipeline, its state under {@code stateDir},
     * or when that is null under a temporary directory deleted on close.
     */
    public static LocalPipeline start(LocalStack stack, Path stateDir)
            throws IOException, ExecutionException, InterruptedException {
        return start(stack, stateDir, false);
    }

    /**
     * As {@link #start(LocalStack, Path)}, and serves the instance's pages and endpoints (the
     * overview among them) on a free port of 127.0.0.1, where no access token is needed.
     */
    public static LocalPipeline serving(LocalStack stack, Path stateDir)
            throws IOException, ExecutionException, InterruptedException {
        return start(stack, stateDir, true);
    }

    private static LocalPipeline start(LocalStack stack, Path stateDir, boolean serve)
            throws IOException, ExecutionException, InterruptedException {
        Path temporaryState = stateDir == null ? Files.createTempDirectory("promo-attribution-state") : null;
        Properties connection = new Properties();
        connection.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        connection.setProperty(RestSchemaRegistryConfig.URL, stack.schemaRegistryUrl());
        Properties settings = new Properties();
        settings.putAll(connection);
        settings.setProperty(StreamsConfig.STATE_DIR_CONFIG, (stateDir == null ? temporaryState : stateDir).toString());
        settings.setProperty(HttpSettings.HOST, "127.0.0.1");
        settings.setProperty(HttpSettings.PORT, "0");
        AttributionConfig config = AttributionConfig.from(settings);
        try (Admin admin = Admin.create(config.streams())) {
            TopicSetup.ensure(admin, config.topics(), PARTITIONS, (short) 1);
        }
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry());
        if (serve) {
            PipelineInstance instance = PipelineInstance.start(config, registry);
            return new LocalPipeline(connection, config, registry, instance.app(), instance, instance.localUrl(),
                    temporaryState);
        }
        AttributionApp app = new AttributionApp(config, registry, new AttributionMetrics(new SimpleMeterRegistry()));
        app.start();
        return new LocalPipeline(connection, config, registry, app, app, null, temporaryState);
    }

    /** The base URL of the instance's pages, or null when it does not serve them. */
    public URI url() {
        return url;
    }

    /** bootstrap.servers and schema.registry.url: what a config file for the other commands needs. */
    public Properties connection() {
        Properties copy = new Properties();
        copy.putAll(connection);
        return copy;
    }

    public AttributionConfig config() {
        return config;
    }

    /** Serdes over the pipeline's registry, for writing its input and reading its output. */
    public AttributionSerdes serdes() {
        return AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry()));
    }

    /**
     * Waits until the pipeline's code index holds {@code count} definitions: codes sent before
     * traffic only count for it once the global store has read them (SPEC rule 9).
     */
    public void awaitCodes(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (app.codes().size() != count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the pipeline holds " + app.codes().size() + " promo codes after "
                        + timeout.toSeconds() + " s; expected " + count);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Waits until the pipeline holds {@code count} commission terms (SPEC rule 9: orders decided later see them). */
    public void awaitTerms(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (heldTerms() != count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the pipeline holds " + heldTerms() + " commission terms after "
                        + timeout.toSeconds() + " s; expected " + count);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private long heldTerms() {
        try (KeyValueIterator<Object, Object> all = app.streams().store(StoreQueryParameters.fromNameAndType(
                StoreNames.COMMISSION_TERMS, QueryableStoreTypes.keyValueStore())).all()) {
            long count = 0;
            for (; all.hasNext(); all.next()) {
                count++;
            }
            return count;
        } catch (InvalidStateStoreException e) {
            return -1; // not queryable yet: still starting
        }
    }

    @Override
    public void close() {
        try {
            running.close();
        } catch (Exception e) {
            throw new IllegalStateException("the pipeline did not stop cleanly", e);
        } finally {
            registry.close();
            if (temporaryState != null) {
                delete(temporaryState);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
