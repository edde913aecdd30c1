package org.promoattribution.run;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The runtime's entry point, what the container image runs: {@code promo-attribution run} on a
 * configured cluster. The tools' launcher offers the same {@code run} with the embedded default.
 */
@Command(name = "promo-attribution", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Credits affiliate partners for online orders from clicks and promo codes.")
public final class PipelineMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new PipelineMain()).addSubcommand(new RunCommand());
    }
}
