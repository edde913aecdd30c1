package org.promoattribution.bench;

import java.util.function.LongSupplier;

/**
 * The middle of a throughput run: from the moment the output at a tenth of those expected became
 * visible to the one at nine tenths, and the CPU the processing threads used in between. A
 * quick run lasts seconds, so its whole-run figures carry each contender's start (attribution
 * opens a RocksDB per store and task, the passthrough none) and its last commit; the middle is
 * the steady state a pipeline that runs for months spends its life in. The records processed in
 * the window are taken as the same share of the workload as its outputs: outputs are spread
 * through the workload, which is read in order.
 */
final class SteadyWindow {
    private static final double FROM = 0.1;
    private static final double TO = 0.9;

    private final long fromOutput;
    private final long toOutput;
    private volatile LongSupplier cpu;
    // Written by the output watch's thread; read once its result is in (which orders them).
    private long fromNanos;
    private long fromCpu = -1;
    private long toNanos;
    private long toCpu = -1;

    /** The middle of a run, in figures: the share of its records, seconds and processing CPU. */
    record Steady(double share, double seconds, long cpuNanos) {
    }

    SteadyWindow(long expectedOutputs) {
        fromOutput = Math.max(1, Math.round(expectedOutputs * FROM));
        toOutput = Math.round(expectedOutputs * TO);
    }

    /** Where the processing threads' CPU is read from, once the contender runs. */
    void measuring(LongSupplier processingCpu) {
        cpu = processingCpu;
    }

    /** Called by the watch with the count of outputs seen so far, after each one. */
    void seen(long outputs) {
        LongSupplier source = cpu;
        if (source == null) {
            return;
        }
        try {
            if (outputs == fromOutput) {
                fromNanos = System.nanoTime();
                fromCpu = source.getAsLong();
            } else if (outputs == toOutput && fromCpu >= 0) {
                toNanos = System.nanoTime();
                toCpu = source.getAsLong();
            }
        } catch (RuntimeException e) {
            fromCpu = -1; // the threads could not be read (the contender stopping): no window, the run stands
        }
    }

    /** The window's figures; null when the run was too small or the marks were not both seen. */
    Steady result() {
        if (fromCpu < 0 || toCpu < 0 || toOutput <= fromOutput) {
            return null;
        }
        return new Steady(TO - FROM, (toNanos - fromNanos) / 1e9, toCpu - fromCpu);
    }
}
