package org.promoattribution.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code codes}: the promo-code definitions on the promo-codes topic, and their usage figures. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Load promo-code definitions from CSV, list those on the promo-codes topic, or report their "
                + "usage per day.",
        subcommands = {CodesImportCommand.class, CodesListCommand.class, CodesReportCommand.class})
final class CodesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: codes import FILE.csv, codes list, or codes report");
    }
}
