package org.promoattribution.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One throughput run: a contender reading a scenario's records from the beginning.
 *
 * @param records    click and conversion records read
 * @param bytes      what the broker holds of them
 * @param seconds    from the contender being ready to its last output being visible
 * @param cpuNanos   CPU its processing threads used over those seconds
 * @param stateBytes the RocksDB stores on disk after close (attribution only, else 0)
 * @param storedClicks clicks kept in the click history (attribution only, else 0)
 * @param ledgerBytes  the decision ledger's store on disk after close (attribution only, else 0)
 * @param decisions    decisions the ledger remembers (attribution only, else 0)
 * @param steady       the run's middle ({@link SteadyWindow}); null when not measured
 */
record Throughput(String scenario, String contender, Guarantee guarantee, long records, long bytes, double seconds,
                  long cpuNanos, long stateBytes, long storedClicks, long ledgerBytes, long decisions,
                  SteadyWindow.Steady steady) {

    Throughput(String scenario, String contender, Guarantee guarantee, long records, long bytes, double seconds,
               long cpuNanos, long stateBytes, long storedClicks, long ledgerBytes, long decisions) {
        this(scenario, contender, guarantee, records, bytes, seconds, cpuNanos, stateBytes, storedClicks, ledgerBytes,
                decisions, null);
    }

    /** The run with the median rate (of an even number, the slower of the middle two). */
    static Throughput median(List<Throughput> runs) {
        List<Throughput> sorted = runs.stream().sorted(Comparator.comparingDouble(Throughput::recordsPerSecond)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    double recordsPerSecond() {
        return records / seconds;
    }

    /** Records per second of processing-thread CPU: a rate the machine's other load does not move. */
    double recordsPerCpuSecond() {
        return cpuNanos == 0 ? Double.NaN : records / (cpuNanos / 1e9);
    }

    /** Microseconds of processing-thread CPU per record. */
    double cpuMicrosPerRecord() {
        return cpuNanos / 1e3 / records;
    }

    /** Records per second in the run's middle; NaN when not measured. */
    double steadyRecordsPerSecond() {
        return steady == null ? Double.NaN : records * steady.share() / steady.seconds();
    }

    /** Records per processing-thread CPU second in the run's middle; NaN when not measured. */
    double steadyRecordsPerCpuSecond() {
        return steady == null || steady.cpuNanos() == 0 ? Double.NaN
                : records * steady.share() / (steady.cpuNanos() / 1e9);
    }

    /** Microseconds of processing-thread CPU per record in the run's middle; NaN when not measured. */
    double steadyCpuMicrosPerRecord() {
        return steady == null ? Double.NaN : steady.cpuNanos() / 1e3 / (records * steady.share());
    }

    double megabytesPerSecond() {
        return bytes / 1e6 / seconds;
    }

    double bytesPerDecision() {
        return decisions == 0 ? 0 : (double) ledgerBytes / decisions;
    }

    double bytesPerStoredClick() {
        return storedClicks == 0 ? 0 : (double) stateBytes / storedClicks;
    }
}
