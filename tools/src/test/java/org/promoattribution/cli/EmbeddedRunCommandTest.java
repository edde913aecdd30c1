package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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

    @Test
    void aMistypedSettingStopsRunBeforeItStartsTheEmbeddedDefault() throws Exception {
        Path config = Files.writeString(dir.resolve("app.properties"), "referral.windw=P7D\n");
        StringWriter err = new StringWriter();
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("run", "--config", config.toString(), "--data-dir", dir.resolve("data").toString()))
                .isNotZero();
        assertThat(err.toString()).contains("unknown setting referral.windw (did you mean referral.window?)")
                .doesNotContain("Starting the embedded");
    }
}
