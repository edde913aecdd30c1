package org.promoattribution.cli;

import java.util.Optional;
import org.promoattribution.run.OwnCluster;
import org.promoattribution.run.RunCommand;
import picocli.CommandLine.Command;

/** The runtime's {@code run}, which starts the embedded default when no cluster is configured. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {RunCommand.WHAT, RunCommand.STATE,
                "Without bootstrap.servers in the config, starts an embedded Kafka broker and schema registry on "
                        + "127.0.0.1 with their data under --data-dir.",
                RunCommand.SERVES})
final class EmbeddedRunCommand extends RunCommand {

    @Override
    protected Optional<OwnCluster> ownCluster() {
        spec.commandLine().getErr().println("Starting the embedded Kafka broker and schema registry under " + dataDir
                + " ...");
        return Optional.of(EmbeddedDefault.startIn(dataDir));
    }
}
