package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.app.InstanceDataDir;
import picocli.CommandLine;

/** The launcher's {@code run}: the embedded default starts only for an instance that got its data dir. */
class EmbeddedRunCommandTest {
    @TempDir
    Path dir;

    @Test
    void aDataDirInUseStopsRunBeforeItStartsTheEmbeddedDefault() {
        Path data = dir.resolve("data");
        StringWriter err = new StringWriter();
        try (InstanceDataDir held = InstanceDataDir.claim(data)) {
            CommandLine cli = PromoAttributionCli.commandLine();
            cli.setErr(new PrintWriter(err, true));

            assertThat(cli.execute("run", "--data-dir", data.toString())).isEqualTo(1);
        }
        assertThat(err.toString()).contains("is in use by another instance").doesNotContain("Starting the embedded");
    }
}
