package org.promoattribution.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of every command: {@code bin/promo-attribution <command>}. */
@Command(name = "promo-attribution", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Credits affiliate partners for online orders from clicks and promo codes.",
        subcommands = {RunCommand.class, SimulateCommand.class, ProduceCommand.class, ConsumeCommand.class,
                LoadgenCommand.class, DemoCommand.class, CodesCommand.class, BenchCommand.class})
public final class PromoAttributionCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new PromoAttributionCli());
    }
}
