package org.promoattribution.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Confluent-compatible schema registry on 127.0.0.1: Apicurio Registry (built by the
 * deploy/registry module), run as a child JVM, serving the Confluent API under
 * {@code /apis/ccompat/v7}.
 *
 * <p>Storage is H2: in memory by default; in {@code <dataDir>/registry.mv.db} when a data
 * directory is given, so that schema ids stay valid for records kept in a persistent broker.
 */
public final class LocalSchemaRegistry extends ChildService {

    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    private final Path jar;
    private final boolean persistent;
    private final int port;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalSchemaRegistry(Builder b, Path jar) {
        super("schema registry", DataDir.of(b.dataDir, "promo-registry-"), "registry.log", b.startTimeout,
                b.stopTimeout);
        this.jar = jar;
        this.persistent = b.dataDir != null;
        this.port = b.port > 0 ? b.port : FreePort.pick();
        this.jvmOptions = List.copyOf(b.jvmOptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the registry and waits until {@code GET /apis/ccompat/v7/subjects} answers 200.
     *
     * @throws LocalServiceException if it does not within the start timeout; the message holds the
     *     end of the registry's log
     */
    public synchronized LocalSchemaRegistry start() {
        startChild();
        return this;
    }

    public synchronized LocalSchemaRegistry restart() {
        stop();
        return start();
    }

    /** Base URL of the Confluent-compatible API: {@code http://127.0.0.1:<port>/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    /** The quarkus-run.jar being run. */
    public Path jar() {
        return jar;
    }

    @Override
    JavaChild launch() {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dquarkus.http.host=127.0.0.1");
        options.add("-Dquarkus.http.port=" + port);
        if (persistent) {
            options.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dataDir().resolve("registry"));
        }
        // Apicurio asks for a pool of 20 connections at start; one embedded H2 needs few.
        options.add("-Dquarkus.datasource.jdbc.initial-size=1");
        options.add("-Dquarkus.datasource.jdbc.min-size=1");
        options.add("-Dquarkus.datasource.jdbc.max-size=10");
        // The jar's manifest Class-Path brings the rest of quarkus-app/.
        return JavaChild.launch("schema-registry", List.of(jar.toString()), options, QUARKUS_MAIN, List.of(),
                dataDir(), logFile());
    }

    @Override
    void awaitReady(long deadlineNanos) {
        HttpRequest probe =
                HttpRequest.newBuilder(URI.create(url() + "/subjects")).timeout(Duration.ofSeconds(3)).GET().build();
        poll(deadlineNanos, () -> {
            HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : "HTTP " + response.statusCode() + ": " + response.body();
        });
    }

    @Override
    String address() {
        return url();
    }

    @Override
    public String toString() {
        return "LocalSchemaRegistry[" + url() + "]";
    }

    /** Settings of a {@link LocalSchemaRegistry}; every one has a default. */
    public static final class Builder {
        private Path jar;
        private Path dataDir;
        private int port;
        private List<String> jvmOptions =
                new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        private Duration startTimeout = Duration.ofSeconds(90);
        private Duration stopTimeout = Duration.ofSeconds(20);

        private Builder() {}

        /** The quarkus-run.jar to run; default: found by {@code RegistryJar} rules (property, env, walk up). */
        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /**
         * Keeps schemas on disk in this directory (e.g. {@code ./data/registry}), with the log;
         * default: in memory, log in a temporary directory deleted on close.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** HTTP port; default: a free one, kept across restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** JVM options, replacing the default {@code -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = new ArrayList<>(options);
            return this;
        }

        /** How long {@link #start()} waits; default 90 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** How long a stop waits after SIGTERM before SIGKILL; default 20 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** Locates the jar and picks the port; does not start anything. */
        public LocalSchemaRegistry build() {
            // The jar first: a missing one should fail before any directory is created.
            return new LocalSchemaRegistry(this, jar != null ? jar.toAbsolutePath() : RegistryJar.locate());
        }
    }
}
