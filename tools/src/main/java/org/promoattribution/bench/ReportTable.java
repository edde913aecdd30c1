package org.promoattribution.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's figures as plain-text tables, for the terminal. */
final class ReportTable {
    private ReportTable() {
    }

    static void print(PrintWriter out, RunContext context, BenchResults results) {
        out.printf("%nbench (%s) on %s, %d cores, load average %.2f at start%n%n", context.mode(), context.cluster(),
                context.cores(), context.loadAverageAtStart());
        out.printf("%-22s %-6s %10s %8s %10s %10s %9s %9s %9s %9s%n", "contender", "guar.", "records/s", "MB/s",
                "CPU us/rec", "mid us/rec", "rate/s", "p50 ms", "p99 ms", "max ms");
        for (Throughput t : results.main()) {
            out.printf("%-22s %-6s %,10.0f %8.2f %10.1f %10.1f", label(t.contender()), t.guarantee().label(),
                    t.recordsPerSecond(), t.megabytesPerSecond(), t.cpuMicrosPerRecord(), t.steadyCpuMicrosPerRecord());
            results.latency(t.contender(), t.guarantee()).ifPresentOrElse(
                    l -> out.printf(" %,9.0f %9d %9d %9d%n", l.targetRate(), l.p50(), l.p99(), l.max()),
                    () -> out.printf("%n"));
        }
        results.adjusted().ifPresent(t -> out.printf("%-22s %-6s %,10.0f %8.2f%n", "C with adjustments 1/10",
                t.guarantee().label(), t.recordsPerSecond(), t.megabytesPerSecond()));
        results.withTerms().ifPresent(t -> out.printf("%-22s %-6s %,10.0f %8.2f %10.1f%n", "C with terms, items",
                t.guarantee().label(), t.recordsPerSecond(), t.megabytesPerSecond(), t.cpuMicrosPerRecord()));
        out.printf("%nattribution / passthrough B: %.2f (EOS; by round %s), %.2f (ALOS)%n",
                results.attributionVs(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2),
                rounds(results.attributionVsByRound(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2)),
                results.attributionVs(BenchResults.PASSTHROUGH, Guarantee.AT_LEAST_ONCE));
        out.printf("  by stream-thread CPU per record: %.2f (EOS; by round %s), %.2f (ALOS)%n",
                results.attributionCpuVs(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2),
                rounds(results.attributionCpuVsByRound(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2)),
                results.attributionCpuVs(BenchResults.PASSTHROUGH, Guarantee.AT_LEAST_ONCE));
        out.printf("  in the runs' steady middle (10-90 %% of outputs): %.2f by records/s, %.2f by CPU (EOS; by round %s)%n",
                results.attributionVs(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2,
                        Throughput::steadyRecordsPerSecond),
                results.attributionVs(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2,
                        Throughput::steadyRecordsPerCpuSecond),
                rounds(results.attributionVsByRound(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2,
                        Throughput::steadyRecordsPerCpuSecond)));
        out.printf("attribution / raw clients A:  %.2f (EOS), %.2f (ALOS)%n",
                results.attributionVs(BenchResults.RAW, Guarantee.EXACTLY_ONCE_V2),
                results.attributionVs(BenchResults.RAW, Guarantee.AT_LEAST_ONCE));
        out.printf("with adjustments / without:   %.2f (EOS; by round %s)%n", results.adjustedVsWithout(),
                rounds(results.adjustedVsWithoutByRound()));
        out.printf("with commission terms / without: %.2f (EOS; by round %s); by CPU %.2f (by round %s)%n",
                results.termsVsWithout(), rounds(results.termsVsWithoutByRound(Throughput::recordsPerSecond)),
                results.termsVsWithoutCpu(), rounds(results.termsVsWithoutByRound(Throughput::recordsPerCpuSecond)));
        out.printf("ledger bytes per remembered decision, same orders: %.1f with commission, %.1f without%n",
                results.bytesPerDecisionWithCommission(), results.bytesPerDecisionWithoutCommission());
        out.printf("with usage figures C / without D: %.2f (EOS), %.2f (ALOS)%n",
                results.attributionVs(BenchResults.ATTRIBUTION_WITHOUT_USAGE, Guarantee.EXACTLY_ONCE_V2),
                results.attributionVs(BenchResults.ATTRIBUTION_WITHOUT_USAGE, Guarantee.AT_LEAST_ONCE));

        curve(out, "regex codes/program", results.regex());
        curve(out, "clicks/session", results.history());
        out.printf("%n%-20s %12s %12s %14s %12s %14s %10s%n", "sessions", "records/s", "stored clicks", "RocksDB bytes",
                "bytes/click", "bytes/decision", "RSS MB");
        results.sessions().forEach((count, t) -> out.printf("%,-20d %,12.0f %,12d %,14d %12.1f %14.1f %10.0f%n", count,
                t.recordsPerSecond(), t.storedClicks(), t.stateBytes(), t.bytesPerStoredClick(), t.bytesPerDecision(),
                results.residentBytes(count) / 1e6));

        out.printf("%ntargets%n");
        for (Target target : results.targets()) {
            out.printf("  %-4s %-50s %10.2f (limit %s)%n", target.passed() ? "PASS" : "MISS", target.description(),
                    target.value(), format(target.limit()));
        }
        out.flush();
    }

    private static List<String> rounds(List<Double> ratios) {
        return ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList();
    }

    private static void curve(PrintWriter out, String title, Map<Integer, Throughput> points) {
        out.printf("%n%-20s %12s %10s %10s%n", title, "records/s", "vs first", "CPU us/rec");
        double first = points.values().stream().findFirst().map(Throughput::recordsPerSecond).orElse(Double.NaN);
        points.forEach((x, t) -> out.printf("%,-20d %,12.0f %10.2f %10.1f%n", x, t.recordsPerSecond(),
                t.recordsPerSecond() / first, t.cpuMicrosPerRecord()));
    }

    private static String label(String contender) {
        return switch (contender) {
            case BenchResults.RAW -> "A raw clients";
            case BenchResults.PASSTHROUGH -> "B streams passthrough";
            case BenchResults.ATTRIBUTION_WITHOUT_USAGE -> "D attr. without usage";
            default -> "C attribution";
        };
    }

    private static String format(double limit) {
        return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit);
    }
}
