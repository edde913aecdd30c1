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

    /**
     * As {@link #lines}, with {@code --now 2026-12-01T00:00:00Z} unless {@code options} name a --now: a
     * wall clock after every event time of the tests, so that what they print does not depend on the day.
     */
    static List<String> linesAtFixedNow(Path dir, List<String> options, String... events) throws IOException {
        List<String> args = new ArrayList<>();
        if (!options.contains("--now")) {
            args.addAll(List.of("--now", "2026-12-01T00:00:00Z"));
        }
        args.addAll(options);
        return lines(dir, args, events);
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
