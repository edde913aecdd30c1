package org.promoattribution.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The command line as a user runs it, keeping what it prints on each stream for the test to read. */
final class CliCapture {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** @return the exit status */
    int run(String... args) {
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    StringWriter out() {
        return out;
    }

    StringWriter err() {
        return err;
    }
}
