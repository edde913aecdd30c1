package org.promoattribution.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryJarTest {

    @Test
    void findsTheBuiltJarFromAnyDirectoryBelowTheProjectRoot(@TempDir Path root) throws Exception {
        Path jar = root.resolve(RegistryJar.RELATIVE);
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
        Path module = Files.createDirectories(root.resolve("topology/src"));

        assertThat(RegistryJar.locateFrom(root)).isEqualTo(jar);
        assertThat(RegistryJar.locateFrom(module)).isEqualTo(jar);
    }

    @Test
    void saysHowToBuildItWhenItIsMissing(@TempDir Path empty) {
        assertThatThrownBy(() -> RegistryJar.locateFrom(empty))
                .isInstanceOf(LocalServiceException.class)
                .hasMessageContaining("not built")
                .hasMessageContaining("mvn -B install -DskipTests")
                .hasMessageContaining(RegistryJar.ENV);
    }
}
