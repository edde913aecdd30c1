package org.promoattribution.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.ConfigSources;
import org.promoattribution.load.ClientSettings;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --config} and {@code --data-dir} of the commands that talk to a running cluster: the
 * configured one, or else the embedded default that {@code run} started under the data dir.
 */
final class ClusterOptions {
    /** How long a command reading a topic to its end waits for its next records before giving up. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings (bootstrap.servers, schema.registry.url, security; see README).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where 'run' keeps the embedded default, used when no cluster is configured "
                    + "(default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** The settings of the cluster to talk to; a usage error when there is none. */
    AttributionConfig config() {
        try {
            return AttributionConfig.from(Connection.orRunningLocalStack(
                    ConfigSources.load(configFile, System.getenv()), dataDir));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }

    /** The pipeline's settings from --config, whether or not they name a cluster (e.g. to check rows as it will). */
    AttributionConfig settings() {
        try {
            return AttributionConfig.from(properties());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }

    /** The settings of --config (and the environment) as given, for an offline simulation of the pipeline. */
    Properties properties() {
        return ConfigSources.load(configFile, System.getenv());
    }

    /**
     * Runs {@code reading} with a read_committed consumer that assigns itself partitions, and the
     * pipeline's serdes over the cluster's registry; both are closed after.
     */
    <T> T read(AttributionConfig config, BiFunction<KafkaConsumer<byte[], byte[]>, AttributionSerdes, T> reading) {
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ClientSettings.consumer(config),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return reading.apply(consumer, AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry())));
        }
    }
}
