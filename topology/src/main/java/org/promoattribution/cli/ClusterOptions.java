package org.promoattribution.cli;

import java.nio.file.Path;
import org.promoattribution.app.Connection;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.ConfigSources;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --config} and {@code --data-dir} of the commands that talk to a running cluster: the
 * configured one, or else the embedded default that {@code run} started under the data dir.
 */
final class ClusterOptions {
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
}
