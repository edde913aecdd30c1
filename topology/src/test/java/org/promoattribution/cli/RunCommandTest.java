package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.app.InstanceDataDir;
import picocli.CommandLine;

/** {@code run} up to the point it would start: the data dir it claims. */
class RunCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aSecondInstanceOnADataDirInUseStopsBeforeStartingAndSaysWhy() {
        Path data = dir.resolve("data");
        try (InstanceDataDir held = InstanceDataDir.claim(data)) {
            CommandLine cli = PromoAttributionCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));

            // Without a configured cluster it would start the embedded broker: it got no further than the lock.
            assertThat(cli.execute("run", "--data-dir", data.toString())).isEqualTo(1);
        }
        assertThat(err.toString()).contains("the data dir " + data.toAbsolutePath() + " is in use by another instance")
                .doesNotContain("Starting the embedded");
        assertThat(out.toString()).isEmpty();
    }
}
