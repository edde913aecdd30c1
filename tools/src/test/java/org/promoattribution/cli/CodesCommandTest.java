package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code codes import} up to the point it would connect: the report and the exit status. */
class CodesCommandTest extends CommandLineTest {
    private static final String HEADER = "promoCodeId,programId,partner,code,credit policy,match type\n";

    @Test
    void aFileWithABadRowLoadsNothingAndSaysWhichRow() throws Exception {
        String file = file("codes.csv",
                HEADER + "pc-1,acme,blog,SUMMER10,IF_WINNER,EXACT\npc-2,acme,news,NEWS5,MAYBE,EXACT\n");

        // No cluster is configured: reaching the cluster would fail, so nothing was attempted.
        assertThat(run("codes", "import", "--data-dir", dir.toString(), file)).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly("row 2: pc-1 valid",
                "row 3: error: credit policy: \"MAYBE\" is not one of Always credit, Credit If involved, "
                        + "Credit If winner (or ALWAYS, IF_INVOLVED, IF_WINNER)");
        assertThat(err.toString()).contains("nothing loaded: 1 of 2 rows have errors");
    }

    @Test
    void aDryRunChecksEveryRow() throws Exception {
        String file = file("codes.csv", HEADER + "pc-1,acme,blog,SUMMER10,IF_WINNER,EXACT\n");

        assertThat(run("codes", "import", "--dry-run", file)).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly("row 2: pc-1 valid",
                "all 1 rows are valid; nothing loaded (--dry-run)");
    }

    /** Before: "Credit If winner" was "not one of ALWAYS, IF_INVOLVED, IF_WINNER". */
    @Test
    void aDryRunAcceptsTheFormsOwnLabels() throws Exception {
        String file = file("codes.csv", HEADER + "pc-1,acme,blog,SUMMER10,Credit If winner,Exact Match\n"
                + "pc-2,acme,news,NEWS5,Always credit,Exact\n"
                + "pc-3,acme,deals,\"^VIP[0-9]{2}$\",Credit If involved,Regular Expression (Advanced) [Regex]\n");

        assertThat(run("codes", "import", "--dry-run", file)).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly("row 2: pc-1 valid", "row 3: pc-2 valid",
                "row 4: pc-3 valid", "all 3 rows are valid; nothing loaded (--dry-run)");
    }

    @Test
    void aFileProblemIsReportedWithTheFileName() throws Exception {
        String file = file("codes.csv", "id,code\n");

        assertThat(run("codes", "import", file)).isEqualTo(1);
        assertThat(err.toString()).contains(file + ": unknown column \"id\" in the header");
    }
}
