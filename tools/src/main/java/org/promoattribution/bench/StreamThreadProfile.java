package org.promoattribution.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench --profile}: a JFR recording of the whole bench, read back for the stream threads of
 * one contender over the main workload, so that where their time goes is printed with the figures.
 * Samples are JFR's execution samples (threads in Java code) plus its native-method samples whose
 * top frame is RocksDB's (the stores' JNI calls; other native samples are the thread waiting on its
 * sockets, which is not work).
 */
public final class StreamThreadProfile implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofMillis(10);
    private static final int TOP = 25;
    private static final String OURS = "org.promoattribution.";
    /** Frames whose share the performance work follows (docs/performance.md), whether in the top or not. */
    private static final List<String> WATCHED = List.of(
            "org.apache.kafka.streams.processor.internals.PartitionGroup.readyToProcess",
            "java.lang.String.format",
            "org.apache.kafka.streams.processor.internals.TaskExecutor.commitOffsetsOrTransaction",
            "org.rocksdb.RocksDB.put",
            "org.rocksdb.RocksDB.get",
            "org.apache.kafka.streams.processor.internals.RecordCollectorImpl.send");
    private final Recording recording = new Recording();

    private StreamThreadProfile() {
        recording.enable("jdk.ExecutionSample").withPeriod(PERIOD).withStackTrace();
        recording.enable("jdk.NativeMethodSample").withPeriod(PERIOD).withStackTrace();
        recording.setName("promo-attribution bench");
    }

    public static StreamThreadProfile start() {
        StreamThreadProfile profile = new StreamThreadProfile();
        profile.recording.start();
        return profile;
    }

    /** Stops the recording, writes it to {@code file} and prints the top frames of attribution's and the passthrough's stream threads. */
    public void report(Path file, PrintWriter out) throws IOException {
        recording.stop();
        Files.createDirectories(file.toAbsolutePath().getParent());
        recording.dump(file);
        printFrom(file, out);
    }

    /** Prints the top frames of attribution's and the passthrough's stream threads from a recording of a bench. */
    public static void printFrom(Path file, PrintWriter out) throws IOException {
        printFrom(file, "main", List.of(BenchResults.ATTRIBUTION, BenchResults.PASSTHROUGH), out);
    }

    /** The same for the runs over one scenario (main, history-1000, ...) of the contenders named. */
    public static void printFrom(Path file, String scenario, List<String> contenders, PrintWriter out)
            throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        for (String contender : contenders) {
            // Application ids are <bench>-<scenario>-<contender>-<guarantee>-<n>; a stream thread's name adds
            // -<process id>-StreamThread-<n> (its producer's thread adds more after that).
            Pattern streamThread = Pattern.compile(".*-" + Pattern.quote(scenario + "-" + contender)
                    + "-.*-StreamThread-\\d+");
            print(out, scenario, contender, events, name -> streamThread.matcher(name).matches());
        }
        out.printf("%nJFR recording: %s (open with JDK Mission Control, or `jfr print`)%n", file);
        out.flush();
    }

    private static void print(PrintWriter out, String scenario, String contender, List<RecordedEvent> events,
                              Predicate<String> thread) {
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : events) {
            RecordedStackTrace stack = event.getStackTrace();
            RecordedThread sampled = event.getThread("sampledThread");
            if (stack == null || stack.getFrames().isEmpty() || sampled == null
                    || sampled.getJavaName() == null || !thread.test(sampled.getJavaName())) {
                continue;
            }
            String top = frame(stack.getFrames().get(0));
            if (event.getEventType().getName().equals("jdk.NativeMethodSample") && !top.startsWith("org.rocksdb.")) {
                continue;
            }
            samples++;
            self.merge(top, 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String name = frame(frame);
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        out.printf("%nwhere %s's stream threads spend their time over the %s workload (JFR, %,d samples)%n",
                contender, scenario, samples);
        if (samples == 0) {
            return;
        }
        table(out, "inclusive (the frame or what it calls)", inclusive, samples, frame -> true);
        table(out, "inclusive, this project's frames", inclusive, samples, frame -> frame.startsWith(OURS));
        table(out, "self (the top frame)", self, samples, frame -> true);
        out.printf("  watched%n");
        for (String frame : WATCHED) {
            out.printf("  %5.1f %%  %s%n", 100.0 * inclusive.getOrDefault(frame, 0) / samples, frame);
        }
    }

    private static void table(PrintWriter out, String title, Map<String, Integer> counts, int samples,
                              Predicate<String> shown) {
        out.printf("  %s%n", title);
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().filter(e -> shown.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((frame, count) -> out.printf("  %5.1f %%  %s%n", 100.0 * count / samples, frame));
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    @Override
    public void close() {
        recording.close();
    }
}
