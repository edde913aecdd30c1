package org.promoattribution.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code simulate} in a child JVM with a 256 MB heap, as a small instance runs: what it prints, once it exited 0. */
final class SmallHeapSimulate {
    private SmallHeapSimulate() {
    }

    static List<String> run(Path input, Path dir) throws IOException, InterruptedException {
        Path stderr = dir.resolve("stderr.txt");
        Process simulate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "org.promoattribution.cli.PromoAttributionCli", "simulate", "--now", "2026-06-02T00:00:00Z",
                input.toString())
                .redirectError(stderr.toFile())
                .start();
        byte[] out = simulate.getInputStream().readAllBytes();
        assertThat(simulate.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(simulate.exitValue()).as(Files.readString(stderr)).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
