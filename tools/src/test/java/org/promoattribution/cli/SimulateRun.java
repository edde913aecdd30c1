package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code simulate} as a user would, on events written to a file, and returns the lines it printed. */
final class SimulateRun {
    private SimulateRun() {
    }

    /** @param options simulate's options, before the file; the run must exit 0 */
    static List<String> lines(Path dir, List<String> options, String... events) throws IOException {
        Path file = Files.write(dir.resolve("events.jsonl"), List.of(events));
        StringWriter out = new StringWriter();
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of("simulate"));
        args.addAll(options);
        args.add(file.toString());
        assertThat(cli.execute(args.toArray(String[]::new))).isZero();
        return out.toString().lines().toList();
    }
}
