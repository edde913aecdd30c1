package org.promoattribution.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.promoattribution.app.Connection;
import org.promoattribution.app.InstanceDataDir;
import org.promoattribution.app.StaticMembership;
import org.promoattribution.app.TopicSetup;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.ConfigSources;
import org.promoattribution.local.LocalStack;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: the pipeline's main job, on a configured cluster or on the embedded default, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the attribution pipeline until stopped (Ctrl-C).",
                "Keeps its Kafka Streams state under --data-dir, and its group.instance.id (static membership: "
                        + "restarted, it takes its partitions back at once) is the pod's name or an id kept there.",
                "Without bootstrap.servers in the config, starts an embedded Kafka broker and schema registry on "
                        + "127.0.0.1 with their data under --data-dir.",
                "Serves the explain page, the overview (/overview), /metrics, /health/live and /health/ready on http.port "
                        + "(default 8080)."})
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings (see README).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "This instance's own directory, one instance at a time: its state (DIR/state unless state.dir "
                    + "is configured), its instance id, and the embedded default's data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--create-topics", description = "Create missing topics on a configured cluster too.")
    boolean createTopics;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of topics this command creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics this command creates (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Override
    public Integer call() throws Exception {
        Properties props = ConfigSources.load(configFile, System.getenv());
        InstanceDataDir home;
        try {
            home = InstanceDataDir.claim(dataDir);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            start(props, home, stopped);
        } catch (Exception | Error e) {
            home.close();
            throw e;
        }
        stopped.await();
        return 0;
    }

    /** Starts the pipeline (and the embedded default if no cluster is configured); Ctrl-C stops it all. */
    private void start(Properties props, InstanceDataDir home, CountDownLatch stopped) throws Exception {
        LocalStack stack = null;
        if (!Connection.configured(props)) {
            spec.commandLine().getErr().println("Starting the embedded Kafka broker and schema registry under " + dataDir
                    + " ...");
            stack = LocalStack.inDirectory(dataDir).start();
            props.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
            props.putIfAbsent(Connection.REGISTRY_URL, stack.schemaRegistryUrl());
            props.putIfAbsent(AttributionConfig.HTTP_HOST, "127.0.0.1"); // a local playground stays local
            createTopics = true;
        }
        props = home.settings(props, System.getenv());
        AttributionConfig config = AttributionConfig.from(props);
        LocalStack embedded = stack;
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry());
        try {
            try (Admin admin = Admin.create(config.streams())) {
                if (createTopics) {
                    TopicSetup.ensure(admin, config.topics(), partitions, replicationFactor);
                }
                TopicSetup.retentionRisks(admin, config.topics()).forEach(risk -> log.warn("{}", risk));
            } catch (ExecutionException e) {
                log.warn("could not check the input topics' retention: {}", e.getCause().getMessage());
            }
            PipelineInstance instance = PipelineInstance.start(config, registry);
            // Ctrl-C ends the JVM once this hook returns: everything is closed here, in order.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.close();
                registry.close();
                stopEmbedded(embedded);
                home.close();
                stopped.countDown();
            }, "promo-attribution-shutdown"));
            if (embedded != null) {
                Connection.publish(dataDir, embedded.bootstrapServers(), embedded.schemaRegistryUrl());
            }
            spec.commandLine().getErr().printf("promo-attribution running: bootstrap.servers=%s schema.registry.url=%s%n"
                    + "reading %s, %s, %s; writing %s, %s, %s, %s, %s.%n"
                    + "state in %s, group.instance.id %s.%n"
                    + "explain page, /metrics and /health/ready at %s (application.server %s); overview at %s. "
                    + "Ctrl-C stops.%n",
                    props.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                    Connection.printableRegistryUrl(config.registry()),
                    config.topics().clicks(), config.topics().conversions(), config.topics().promoCodes(),
                    config.topics().credited(), config.topics().invalid(), config.topics().unattributed(),
                    config.topics().deadLetter(), config.topics().usage(),
                    props.getProperty(StreamsConfig.STATE_DIR_CONFIG),
                    props.getProperty(StaticMembership.GROUP_INSTANCE_ID, "none (dynamic membership)"),
                    instance.localUrl(),
                    instance.address().host() + ":" + instance.address().port(),
                    instance.localUrl().resolve("/overview"));
        } catch (Exception | Error e) {
            registry.close();
            stopEmbedded(embedded);
            throw e;
        }
    }

    private void stopEmbedded(LocalStack embedded) {
        if (embedded != null) {
            Connection.withdraw(dataDir);
            embedded.close();
        }
    }
}
