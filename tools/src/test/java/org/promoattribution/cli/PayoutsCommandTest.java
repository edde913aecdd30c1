package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code payouts} usage errors: one line and exit status 2, before any cluster is asked. */
class PayoutsCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void jsonAndCsvExcludeEachOther() {
        assertThat(run("payouts", "--json", "--csv", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--json and --csv exclude each other: pick one").doesNotContain("\tat ");
    }

    @Test
    void aMonthIsAYearAndAMonth() {
        assertThat(run("payouts", "--month", "2026-13", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--month").doesNotContain("\tat ");
    }

    @Test
    void withoutAClusterItSaysHowToNameOne() {
        assertThat(run("payouts", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no cluster configured").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }
}
