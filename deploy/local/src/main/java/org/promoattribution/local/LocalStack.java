package org.promoattribution.local;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A local Kafka broker and schema registry together: what {@code run} uses by default and what
 * integration tests start. Both are started in parallel (each is a JVM that spends seconds
 * starting; the machine has cores to spare for that) and closed together.
 */
public final class LocalStack implements AutoCloseable {

    private final LocalKafkaBroker kafka;
    private final LocalSchemaRegistry registry;

    /** Wraps two services, started or not; {@link #start()} starts the ones not running. */
    public LocalStack(LocalKafkaBroker kafka, LocalSchemaRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * Kafka data in {@code <dir>/kafka} and schemas in {@code <dir>/registry}, both kept across
     * runs (e.g. {@code ./data} for the app); free ports.
     */
    public static LocalStack inDirectory(Path dir) {
        // The registry first: locating its jar is what can fail before anything is created.
        LocalSchemaRegistry registry = LocalSchemaRegistry.builder().dataDir(dir.resolve("registry")).build();
        return new LocalStack(LocalKafkaBroker.builder().dataDir(dir.resolve("kafka")).build(), registry);
    }

    /** Temporary data (deleted on close), in-memory schemas, free ports: for tests. */
    public static LocalStack temporary() {
        LocalSchemaRegistry registry = LocalSchemaRegistry.builder().build();
        return new LocalStack(LocalKafkaBroker.builder().build(), registry);
    }

    /**
     * Starts both in parallel and returns when both answer. If either fails, both are closed and
     * the failure is thrown (the other's failure, if any, is added as suppressed).
     */
    public LocalStack start() {
        CompletableFuture<?> registryStart = CompletableFuture.runAsync(registry::start, LocalStack::daemon);
        RuntimeException failure = null;
        try {
            kafka.start();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            registryStart.join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r
                    ? r
                    : new LocalServiceException("registry start failed", e.getCause());
            if (failure == null) {
                failure = cause;
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            // Callers' try-with-resources never sees a stack whose start threw: clean up here
            // (temporary directories too; the exception already holds the ends of the logs).
            try {
                close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        return this;
    }

    public LocalKafkaBroker kafka() {
        return kafka;
    }

    public LocalSchemaRegistry registry() {
        return registry;
    }

    /** Shorthand for {@code kafka().bootstrapServers()}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Shorthand for {@code registry().url()}, the Confluent-compatible base URL. */
    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** Closes both, the broker first, even if one of them fails. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            registry.close();
        }
    }

    /** A daemon thread, so that a stuck start can never keep the JVM alive. */
    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "local-registry-start");
        thread.setDaemon(true);
        thread.start();
    }
}
