package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code terms import} up to the point it would connect: the report and the exit status. */
class TermsCommandTest extends CommandLineTest {
    private static final String HEADER = "Terms ID,Program,Partner,Rate %,Referral window\n";

    @Test
    void aDryRunChecksEveryRowAgainstTheConfiguredLimits() throws Exception {
        String file = file("terms.csv", HEADER + "t-default,acme,,5,30 days\nt-blog,acme,blog,\"7,5\",120 days\n");
        String config = file("rules.properties", "referral.window.max=P180D\n");

        assertThat(run("terms", "import", "--dry-run", "--config", config, file)).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly("row 2: t-default valid", "row 3: t-blog valid",
                "all 2 rows are valid; nothing loaded (--dry-run)");
    }

    @Test
    void aFileWithABadRowLoadsNothingAndSaysWhichRow() throws Exception {
        String file = file("terms.csv", HEADER + "t-default,acme,,5,\nt-blog,acme,blog,5,120 days\n");

        // No cluster is configured: reaching the cluster would fail, so nothing was attempted.
        assertThat(run("terms", "import", "--data-dir", dir.toString(), file)).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(2).first().isEqualTo("row 2: t-default valid");
        assertThat(out.toString().lines().toList().get(1)).startsWith("row 3: error: INVALID_TERMS: ");
        assertThat(err.toString()).contains("nothing loaded: 1 of 2 rows have errors");
    }

    @Test
    void anEmptyFileAndAMissingCommandAreReported() throws Exception {
        assertThat(run("terms", "import", file("terms.csv", HEADER))).isEqualTo(1);
        assertThat(err.toString()).contains("no commission terms below the header");
        assertThat(run("terms")).isEqualTo(2);
        assertThat(err.toString()).contains("missing command: terms import FILE.csv, or terms list");
    }
}
