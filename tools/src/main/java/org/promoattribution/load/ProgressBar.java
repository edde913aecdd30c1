package org.promoattribution.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a long send on stderr: on a terminal a bar redrawn in place with \r; otherwise
 * (a log file, a pipe) a plain line every few seconds, so logs stay readable.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long LINE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final PrintStream out;
    private final boolean terminal;
    private final String unit;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long lastShownNanos = startNanos;

    ProgressBar(PrintStream out, boolean terminal, String unit, long total) {
        this.out = out;
        this.terminal = terminal;
        this.unit = unit;
        this.total = total;
    }

    /** A bar of {@code total} {@code unit}s on stderr. */
    public static ProgressBar onStderr(String unit, long total) {
        return new ProgressBar(System.err, stderrIsTerminal(), unit, total);
    }

    /** Shows {@code done} when the last showing is old enough. */
    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastShownNanos >= (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            lastShownNanos = now;
            show(done, now);
        }
    }

    /** Shows the final count and ends the bar's line. */
    public void finish(long done) {
        show(done, System.nanoTime());
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void show(long done, long now) {
        String line = render(done, now - startNanos);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** {@code [#########---------]  52%  1,560/3,000 clicks  780/s}; without the bar off a terminal. */
    String render(long done, long elapsedNanos) {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        String counts = String.format(Locale.ROOT, "%3.0f%%  %,d/%,d %s  %,.0f/s", fraction * 100, done, total, unit,
                done / seconds);
        if (!terminal) {
            return "sent " + counts;
        }
        int filled = (int) Math.round(fraction * WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + counts;
    }

    /**
     * Java 17 cannot ask whether stderr alone is a terminal; on Linux its file descriptor says,
     * elsewhere a console (stdin and stdout on a terminal) is the best hint.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }
}
