package org.promoattribution.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.app.InstanceDataDir;
import picocli.CommandLine;

/** The runtime's {@code run} up to the point it would start: the data dir it claims, the cluster it needs. */
class RunCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aSecondInstanceOnADataDirInUseStopsBeforeStartingAndSaysWhy() {
        Path data = dir.resolve("data");
        try (InstanceDataDir held = InstanceDataDir.claim(data)) {
            assertThat(run("run", "--data-dir", data.toString())).isEqualTo(1);
        }
        assertThat(err.toString()).contains("the data dir " + data.toAbsolutePath() + " is in use by another instance");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void withoutAConfiguredClusterTheRuntimeStartsNothingAndSaysWhatToSet() throws Exception {
        Path config = Files.writeString(dir.resolve("app.properties"), "referral.window=P7D\n");

        assertThat(run("run", "--config", config.toString(), "--data-dir", dir.resolve("data").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no cluster configured: set bootstrap.servers and schema.registry.url");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadSettingIsAUsageErrorInOneLineBeforeAnythingStarts() throws Exception {
        Path config = Files.writeString(dir.resolve("app.properties"), "referral.window=30 days\n");

        assertThat(run("run", "--config", config.toString(), "--data-dir", dir.resolve("data").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("referral.window must be an ISO-8601 duration").doesNotContain("\tat ");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private int run(String... args) {
        CommandLine cli = PipelineMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
