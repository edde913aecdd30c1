package org.promoattribution.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code codes}: the promo-code definitions on the promo-codes topic. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Load promo-code definitions from CSV, or list those on the promo-codes topic.",
        subcommands = {CodesImportCommand.class, CodesListCommand.class})
final class CodesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: codes import FILE.csv, or codes list");
    }
}
