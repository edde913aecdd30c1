package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceDataDirTest {
    private static final Map<String, String> NO_POD = Map.of();

    @TempDir
    Path tmp;

    @Test
    void stateLivesUnderTheDataDirUnlessStateDirIsConfigured() {
        Path dir = tmp.resolve("data");
        try (InstanceDataDir home = InstanceDataDir.claim(dir)) {
            assertThat(home.settings(new Properties(), NO_POD).getProperty(StreamsConfig.STATE_DIR_CONFIG))
                    .isEqualTo(dir.resolve("state").toString());
            Properties configured = new Properties();
            configured.setProperty(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/elsewhere");
            assertThat(home.settings(configured, NO_POD).getProperty(StreamsConfig.STATE_DIR_CONFIG))
                    .isEqualTo("/var/lib/elsewhere");
        }
    }

    @Test
    void theInstanceIdIsGeneratedOnFirstUseAndKeptAcrossRestarts() {
        Path dir = tmp.resolve("data");
        String first;
        try (InstanceDataDir home = InstanceDataDir.claim(dir)) {
            first = groupInstanceId(home);
        }
        try (InstanceDataDir again = InstanceDataDir.claim(dir)) {
            assertThat(groupInstanceId(again)).isEqualTo(first);
        }
        assertThat(dir.resolve(InstanceDataDir.ID_FILE)).content().isEqualToIgnoringNewLines(first);
    }

    @Test
    void twoDataDirsNeverShareAnInstanceId() {
        try (InstanceDataDir a = InstanceDataDir.claim(tmp.resolve("a")); InstanceDataDir b = InstanceDataDir.claim(tmp.resolve("b"))) {
            assertThat(groupInstanceId(a)).isNotEqualTo(groupInstanceId(b));
        }
    }

    @Test
    void aBlankIdFileLeftByACrashGetsAFreshId() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(dir.resolve(InstanceDataDir.ID_FILE), "\n");
        try (InstanceDataDir home = InstanceDataDir.claim(dir)) {
            assertThat(groupInstanceId(home)).isNotBlank();
        }
    }

    @Test
    void aDataDirHeldByAnInstanceCannotBeClaimedByAnother() {
        Path dir = tmp.resolve("data");
        try (InstanceDataDir held = InstanceDataDir.claim(dir)) {
            assertThatThrownBy(() -> InstanceDataDir.claim(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString())
                    .hasMessageContaining("in use by another instance")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("--data-dir");
        }
    }

    @Test
    void aReleasedDataDirCanBeClaimedAgain() {
        Path dir = tmp.resolve("data");
        InstanceDataDir.claim(dir).close();
        try (InstanceDataDir again = InstanceDataDir.claim(dir)) {
            assertThat(again.path()).isEqualTo(dir);
        }
    }

    private static String groupInstanceId(InstanceDataDir home) {
        return home.settings(new Properties(), NO_POD).getProperty(StaticMembership.GROUP_INSTANCE_ID);
    }
}
