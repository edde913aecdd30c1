package org.promoattribution.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) on 127.0.0.1,
 * run as a child JVM from the kafka_2.13 jar on this JVM's class path.
 *
 * <p>A child JVM rather than an in-process broker: the broker's threads, heap and logging stay
 * out of the app or test JVM, it can be stopped, killed and started again on the same data
 * directory and ports (fault tests), and only the public command-line entry points
 * ({@code kafka.tools.StorageTool}, {@code kafka.Kafka}) are used, not internal test kits.
 *
 * <p>Layout of the data directory: {@code server.properties}, {@code broker.log} (the child's
 * output, appended across restarts), {@code kraft-logs/} (Kafka's log.dirs).
 */
public final class LocalKafkaBroker extends ChildService {

    /** How long a transaction's first write to a partition may wait for the previous commit's markers. */
    static final String TXN_MARKER_WAIT = "add.partitions.to.txn.retry.backoff.max.ms";

    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private final String logLevel;
    private final Map<String, String> overrides;

    private LocalKafkaBroker(Builder b) {
        super("Kafka broker", DataDir.of(b.dataDir, "promo-kafka-"), "broker.log", b.startTimeout, b.stopTimeout);
        this.port = b.port > 0 ? b.port : FreePort.pick();
        int cport = b.controllerPort > 0 ? b.controllerPort : FreePort.pick();
        this.controllerPort = cport == port ? FreePort.pick() : cport;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.logLevel = b.logLevel;
        this.overrides = Map.copyOf(b.overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the data directory if it is new, starts the broker and waits until it answers
     * {@code Admin.describeCluster()}. Starting again after {@link #stop()} or {@link #kill()}
     * reuses the data directory and the ports.
     *
     * @throws LocalServiceException if it does not come up within the start timeout; the message
     *     holds the end of the broker's log
     */
    public synchronized LocalKafkaBroker start() {
        startChild();
        return this;
    }

    /** {@link #stop()} then {@link #start()}: same data directory, same ports. */
    public synchronized LocalKafkaBroker restart() {
        stop();
        return start();
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    JavaChild launch() {
        Path config = writeConfig();
        List<String> classpath = KafkaClasspath.entries();
        List<String> logOptions = ChildLogging.jvmOptions(dataDir(), logLevel);
        formatIfNew(config, classpath, logOptions);

        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(logOptions);
        return JavaChild.launch("kafka-broker", classpath, options, "kafka.Kafka", List.of(config.toString()),
                dataDir(), logFile());
    }

    /** The port first (cheap, quiet), then the broker answering Admin. */
    @Override
    void awaitReady(long deadlineNanos) {
        poll(deadlineNanos, () -> acceptsConnections() ? null : "port " + port + " closed");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-broker-readiness");
        try (Admin admin = Admin.create(props)) {
            poll(deadlineNanos, () -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .isEmpty() ? "no nodes yet" : null);
        }
    }

    @Override
    String address() {
        return bootstrapServers();
    }

    private Path writeConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        // Static quorum of one voter: plain `format` works, no --standalone/--initial-controllers.
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dataDir().resolve("kraft-logs").toString());
        // One node: every internal topic must accept a replication factor and min ISR of 1.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer partitions of the internal topics than the default 50: created faster on first use.
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.num.partitions", "10");
        config.put("num.partitions", "1");
        // No wait for more members before the first rebalance: tests and `run` start at once.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB on-heap dedupe buffer does not fit a small heap (OOM at start).
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        // After a kill, the restarted node's controller still holds the dead incarnation's broker
        // registration and refuses the new one (DUPLICATE_BROKER_REGISTRATION) until that session
        // expires: 9 s by default. 4 s keeps a restart after kill short, while leaving heartbeats
        // (every 1 s, in-process) room for a loaded 2-core machine.
        config.put("broker.session.timeout.ms", "4000");
        config.put("broker.heartbeat.interval.ms", "1000");
        // Under exactly-once (transaction version 2) a transaction's first write to a partition waits
        // here for the previous commit's markers, polled every 20 ms, up to this long; past it the broker
        // answers CONCURRENT_TRANSACTIONS, the client backs off, and the writes in flight behind it fail
        // OUT_OF_ORDER_SEQUENCE_NUMBER and are sent again. Kafka's 100 ms is shorter than markers take on
        // a loaded 2-core machine; 1 s (well within request.timeout.ms) lets the write go on once they are in.
        config.put(TXN_MARKER_WAIT, "1000");
        config.putAll(overrides);

        Path file = dataDir().resolve("server.properties");
        StringBuilder text = new StringBuilder("# Written by LocalKafkaBroker on each start.\n");
        config.forEach((k, v) -> text.append(k).append('=').append(escape(v)).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** A new data directory gets a random cluster id; an existing one keeps its data. */
    private void formatIfNew(Path config, List<String> classpath, List<String> logOptions) {
        if (Files.exists(dataDir().resolve("kraft-logs").resolve("meta.properties"))) {
            return;
        }
        List<String> options = new ArrayList<>(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        options.addAll(logOptions);
        int exit = JavaChild.launch("kafka-storage-format", classpath, options, "kafka.tools.StorageTool",
                        List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                        dataDir(), logFile())
                .runToEnd(startTimeout());
        if (exit != 0) {
            throw new LocalServiceException("formatting " + dataDir() + " failed (exit " + exit + "); end of "
                    + logFile() + ":\n" + logTail(40));
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Backslashes (Windows paths) must be doubled in a .properties file. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    @Override
    public String toString() {
        return "LocalKafkaBroker[" + bootstrapServers() + ", " + dataDir() + "]";
    }

    /** Settings of a {@link LocalKafkaBroker}; every one has a default. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        // C1 only: on 2 cores it started ~0.6 s sooner, used ~40 MB less RSS and even moved 200k
        // transactional records faster than with C2 (whose compiling competes for the cores).
        private List<String> jvmOptions =
                new ArrayList<>(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        private String logLevel = "WARN";
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /**
         * Where data, config and log go (e.g. {@code ./data/kafka}); default: a temporary directory deleted on
         * close.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Client port; default: a free one, kept across restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Controller (KRaft quorum) port; default: a free one, kept across restarts. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /**
         * JVM options of the broker, replacing the default
         * {@code -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}.
         */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = new ArrayList<>(options);
            return this;
        }

        /** Root log level of the broker (TRACE … ERROR); default WARN. */
        public Builder logLevel(String level) {
            this.logLevel = Objects.requireNonNull(level);
            return this;
        }

        /** Adds or overrides one broker setting of {@code server.properties}. */
        public Builder config(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** How long {@link #start()} waits for the broker; default 60 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** How long a stop waits after SIGTERM before SIGKILL; default 30 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** Picks the ports and the data directory; does not start anything. */
        public LocalKafkaBroker build() {
            return new LocalKafkaBroker(this);
        }
    }
}
