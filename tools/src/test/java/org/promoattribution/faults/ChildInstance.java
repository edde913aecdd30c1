package org.promoattribution.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.promoattribution.local.ExitWithParent;

/**
 * A pipeline instance in a child JVM ({@link InstanceMain}), so that a test can crash it for
 * real: {@link #kill()} is SIGKILL, and the instance gets no chance to commit, flush its stores,
 * abort its transaction or leave the consumer group. (Closing a KafkaStreams with a zero timeout
 * is no crash: it still runs its shutdown steps.) {@link #stop()} is SIGTERM, a graceful close.
 *
 * <p>The child runs under {@link ExitWithParent}: should the test JVM die, the instance goes too.
 */
final class ChildInstance implements AutoCloseable {
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    final String name;
    private final Process process;
    private final Path status;
    private final Path log;

    private ChildInstance(String name, Process process, Path status, Path log) {
        this.name = name;
        this.process = process;
        this.status = status;
        this.log = log;
    }

    static ChildInstance launch(String name, Properties settings, Path workDir) {
        return launch(name, settings, workDir, List.of());
    }

    /** An instance on a data dir, which it claims as {@code run --data-dir} does. */
    static ChildInstance launchOnDataDir(String name, Properties settings, Path workDir, Path dataDir) {
        return launch(name, settings, workDir, List.of(dataDir.toString()));
    }

    private static ChildInstance launch(String name, Properties settings, Path workDir, List<String> moreArgs) {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve(name + ".properties");
            try (Writer writer = Files.newBufferedWriter(config)) {
                settings.store(writer, "pipeline instance " + name);
            }
            Path status = workDir.resolve(name + ".status");
            Path log = workDir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExitWithParent.class.getName(),
                    InstanceMain.class.getName(), config.toString(), status.toString()));
            command.addAll(moreArgs);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(); // stdin stays an open pipe: ExitWithParent ends the child when it closes
            return new ChildInstance(name, process, status, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch instance " + name, e);
        }
    }

    /** Waits until the instance processes (RUNNING) and knows {@code codes} promo codes. */
    ChildInstance awaitRunning(int codes) {
        try {
            Awaitility.await(name + " running with " + codes + " promo codes")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("instance " + name + " exited", () -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(logTail());
                        }
                    })
                    .until(() -> status().equals("RUNNING " + codes));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; status: " + status() + "; end of its log:\n" + logTail(), e);
        }
        return this;
    }

    /** SIGKILL, as a crash (or the OOM killer) ends a process. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the instance closes, commits and leaves the group. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    /** The last 40 lines of the instance's output, stack frames left out. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String status() {
        try {
            return Files.exists(status) ? Files.readString(status).trim() : "";
        } catch (IOException e) {
            return ""; // being replaced: read it on the next poll
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
