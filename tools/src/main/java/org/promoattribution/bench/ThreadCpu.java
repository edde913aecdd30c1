package org.promoattribution.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;

/**
 * CPU time of the threads that do a contender's processing. Wall-clock throughput on a shared
 * machine swings with whatever else takes the cores; the CPU the processing thread itself spends
 * per record does not, so the two ratios side by side tell the machine's noise from the code's cost.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU the named live threads have used so far; threads not found count nothing. */
    static long ofThreadsNamed(Collection<String> names) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> names.contains(thread.getName()))
                .mapToLong(ThreadCpu::of)
                .sum();
    }

    static long of(Thread thread) {
        long nanos = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.getId()) : -1;
        return Math.max(0, nanos);
    }
}
