package org.promoattribution.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.promoattribution.app.InstanceDataDir;
import org.promoattribution.app.StaticMembership;
import org.promoattribution.app.StreamsHooks;
import org.promoattribution.app.TopicSetup;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.ConfigSources;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.registry.RestSchemaRegistryConfig;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SchemaRegistryKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code run}: the pipeline's main job, on the configured cluster, until Ctrl-C. A launcher that
 * can start a cluster of its own when none is configured overrides {@link #ownCluster}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {RunCommand.WHAT, RunCommand.STATE, RunCommand.SERVES})
public class RunCommand implements Callable<Integer> {
    /** The lines of its description, for a launcher's {@code run} to say the same. */
    public static final String WHAT = "Run the attribution pipeline until stopped (Ctrl-C).";
    public static final String STATE = "Keeps its Kafka Streams state under --data-dir, and its group.instance.id "
            + "(static membership: restarted, it takes its partitions back at once) is the pod's name or an id kept there.";
    public static final String SERVES = "Serves the explain page, the overview (/overview), /metrics, /health/live and "
            + "/health/ready on http.port (default 8080).";

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    protected CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings (see README).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "This instance's own directory, one instance at a time: its state (DIR/state unless state.dir "
                    + "is configured), its instance id, and the data of a cluster it starts itself (default: ${DEFAULT-VALUE}).")
    protected Path dataDir;

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
        Properties props;
        try {
            props = ConfigSources.load(configFile, System.getenv());
            AttributionConfig.from(props); // a mistyped or bad setting stops the start before a cluster starts for it
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
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

    /** Starts the pipeline (and a cluster of its own if none is configured); Ctrl-C stops it all. */
    private void start(Properties props, InstanceDataDir home, CountDownLatch stopped) throws Exception {
        OwnCluster own = null;
        if (!props.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            own = ownCluster().orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no cluster configured: set bootstrap.servers and schema.registry.url (--config FILE, or "
                            + ConfigSources.ENV_PREFIX + "BOOTSTRAP_SERVERS and "
                            + ConfigSources.ENV_PREFIX + "SCHEMA_REGISTRY_URL)"));
            createTopics = true;
        }
        try {
            if (own != null) {
                own.settings().forEach(props::putIfAbsent);
            }
            startPipeline(home.settings(props, System.getenv()), home, own, stopped);
        } catch (Exception | Error e) {
            close(own);
            throw e;
        }
    }

    private void startPipeline(Properties props, InstanceDataDir home, OwnCluster own, CountDownLatch stopped)
            throws Exception {
        AttributionConfig config = AttributionConfig.from(props);
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry());
        try {
            Set<String> previousRerouting = Set.of();
            try (Admin admin = Admin.create(config.streams())) {
                if (createTopics) {
                    TopicSetup.ensure(admin, config.topics(), partitions, replicationFactor);
                }
                previousRerouting = previousRerouting(admin, config);
                TopicSetup.retentionRisks(admin, config.topics()).forEach(risk -> log.warn("{}", risk));
            } catch (ExecutionException e) {
                log.warn("could not check the topics at start (the input topics' retention, and the previous "
                        + "version's rerouting topics: what it left there is read by a later start): {}",
                        e.getCause().getMessage());
            }
            PipelineInstance instance = PipelineInstance.start(config, registry, this::hooks, previousRerouting);
            // Ctrl-C ends the JVM once this hook returns: everything is closed here, in order.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.close();
                registry.close();
                close(own);
                home.close();
                stopped.countDown();
            }, "promo-attribution-shutdown"));
            spec.commandLine().getErr().printf("promo-attribution running: bootstrap.servers=%s schema.registry.url=%s%n"
                    + "reading %s, %s, %s, %s; writing %s, %s, %s, %s, %s.%n"
                    + "state in %s, group.instance.id %s.%n"
                    + "explain page, /metrics and /health/ready at %s (application.server %s); overview at %s. "
                    + "Ctrl-C stops.%n",
                    props.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                    SchemaRegistryKeys.printable(RestSchemaRegistryConfig.URL,
                            config.registry().get(RestSchemaRegistryConfig.URL)),
                    config.topics().clicks(), config.topics().conversions(), config.topics().promoCodes(),
                    config.topics().commissionTerms(), config.topics().credited(), config.topics().invalid(),
                    config.topics().unattributed(),
                    config.topics().deadLetter(), config.topics().usage(),
                    props.getProperty(StreamsConfig.STATE_DIR_CONFIG),
                    props.getProperty(StaticMembership.GROUP_INSTANCE_ID, "none (dynamic membership)"),
                    instance.localUrl(),
                    instance.address().host() + ":" + instance.address().port(),
                    instance.localUrl().resolve("/overview"));
        } catch (Exception | Error e) {
            registry.close();
            throw e;
        }
    }

    /** The previous version's rerouting topics to read (README "Upgrading"). */
    private static Set<String> previousRerouting(Admin admin, AttributionConfig config)
            throws ExecutionException, InterruptedException {
        Set<String> found = TopicSetup.previousRerouting(admin,
                config.streams().getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
        if (!found.isEmpty()) {
            log.info("reading what the previous version left in {} (README \"Upgrading\")", found);
        }
        return found;
    }

    /** The cluster to start when the settings name none; none here, so {@code run} asks for one. */
    protected Optional<OwnCluster> ownCluster() throws Exception {
        return Optional.empty();
    }

    /** What Kafka Streams calls back (handlers, state listener, clients); override to hook in other behaviour. */
    protected StreamsHooks hooks(AttributionConfig config, AttributionMetrics metrics) {
        return StreamsHooks.defaults(config, metrics);
    }

    private static void close(OwnCluster own) {
        if (own != null) {
            own.close();
        }
    }
}
