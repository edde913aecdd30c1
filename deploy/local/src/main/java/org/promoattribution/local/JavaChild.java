package org.promoattribution.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM: launched with the same {@code java} as this JVM, its output appended to a log
 * file, stopped with SIGTERM (then SIGKILL after a grace period) or killed at once.
 */
final class JavaChild {

    /** Present on Debian/Ubuntu (util-linux); used when found. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;

    private JavaChild(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code mainClass} in a new JVM.
     *
     * @param classpath class path entries; the location of {@link ExitWithParent} is added
     * @param workDir working directory of the child, also where its argument file is written
     */
    static JavaChild launch(
            String name,
            List<String> classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> args,
            Path workDir,
            Path logFile) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path argFile = workDir.resolve(name + ".jvm-args");
            // The class path goes into a Java argument file: on Linux one command-line argument may
            // not exceed 128 KiB, which a long Maven test class path can approach.
            Files.writeString(argFile, "-cp " + quote(classpathWith(classpath)) + "\n");

            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                // A session of its own: Ctrl-C in a terminal signals the whole foreground process group;
                // the child must not die before the parent's own shutdown (e.g. a Streams app still
                // committing). The parent stops it explicitly, or ExitWithParent does.
                command.add(SETSID.toString());
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("@" + argFile.toAbsolutePath());
            command.addAll(jvmOptions);
            command.add(ExitWithParent.class.getName());
            command.add(mainClass);
            command.addAll(args);

            String banner = System.lineSeparator() + "=== " + Instant.now() + " starting " + name + ": "
                    + String.join(" ", command) + System.lineSeparator();
            Files.writeString(logFile, banner, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);

            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // stdin stays a pipe that this JVM never writes to nor closes: see ExitWithParent.
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            return new JavaChild(name, process, logFile);
        } catch (IOException e) {
            throw new LocalServiceException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a short-lived child to end and returns its exit code; kills it after {@code timeout}. */
    int runToEnd(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new LocalServiceException(name + " did not finish within " + timeout + "; end of " + logFile
                        + ":\n" + logTail(40));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new LocalServiceException("interrupted while running " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** SIGTERM, then waits up to {@code grace}; SIGKILL if it is still running then. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM on Unix: the JVM runs its shutdown hooks
        if (!waitForExit(grace)) {
            kill();
        }
    }

    /** SIGKILL at once, as a crash would; waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last lines of the child's log file (at most the last 16 KiB of it). */
    String logTail(int maxLines) {
        return tail(logFile, maxLines);
    }

    static String tail(Path file, int maxLines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, 16 * 1024);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, lines.length - maxLines);
            return String.join(System.lineSeparator(), List.of(lines).subList(from, lines.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The given entries plus the jar or directory that holds {@link ExitWithParent}. */
    private static String classpathWith(List<String> classpath) {
        Set<String> entries = new LinkedHashSet<>(classpath);
        entries.add(ownLocation().toString());
        return String.join(File.pathSeparator, entries);
    }

    static Path ownLocation() {
        try {
            return Path.of(ExitWithParent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | NullPointerException e) {
            throw new LocalServiceException("cannot tell where the promo-attribution-local classes are", e);
        }
    }

    /** Quoting of a Java argument file: double quotes, with backslash and quote escaped. */
    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
