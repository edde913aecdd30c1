package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code payouts} usage errors: one line and exit status 2, before any cluster is asked. */
class PayoutsCommandTest {
    @TempDir
    Path dir;
    private final CliCapture cli = new CliCapture();
    private final StringWriter out = cli.out();
    private final StringWriter err = cli.err();

    private int run(String... args) {
        return cli.run(args);
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
