package org.promoattribution.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Instant;

/**
 * Where and when a bench ran: results are only comparable on the same kind of machine under the
 * same load, so they carry both.
 */
record RunContext(Instant startedAt, String mode, int cores, double loadAverageAtStart, String cluster) {

    static RunContext now(String mode, String cluster) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return new RunContext(Instant.now(), mode, os.getAvailableProcessors(), os.getSystemLoadAverage(), cluster);
    }

    /** The one-minute load average now, for the end of the run. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
