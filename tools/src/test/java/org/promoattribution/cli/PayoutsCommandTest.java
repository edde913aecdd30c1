package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code payouts} usage errors: one line and exit status 2, before any cluster is asked. */
class PayoutsCommandTest extends CommandLineTest {
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
