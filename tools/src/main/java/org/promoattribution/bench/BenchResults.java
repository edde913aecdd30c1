package org.promoattribution.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one bench run measured, and the ratios and targets computed from it. Ratios, not
 * absolute rates, are what the targets judge: they hold on any machine, since contenders share
 * the broker, the records and the cores.
 */
final class BenchResults {
    static final String MAIN = "main";
    static final String ATTRIBUTION = "attribution";
    static final String ATTRIBUTION_WITHOUT_USAGE = "attribution_without_usage";
    static final String PASSTHROUGH = "streams_passthrough";
    static final String RAW = "raw_clients";

    private final List<Throughput> main = new ArrayList<>();
    private Throughput adjusted;
    private final List<Latency> latencies = new ArrayList<>();
    private final Map<Integer, Throughput> regex = new LinkedHashMap<>();
    private final Map<Integer, Throughput> history = new LinkedHashMap<>();
    private final Map<Integer, Throughput> sessions = new LinkedHashMap<>();
    private final Map<Integer, Long> residentBytes = new LinkedHashMap<>();

    void addMain(Throughput throughput) {
        main.add(throughput);
    }

    /** Attribution over the main workload with one adjustment per ten orders, exactly-once. */
    void addAdjusted(Throughput throughput) {
        adjusted = throughput;
    }

    Optional<Throughput> adjusted() {
        return Optional.ofNullable(adjusted);
    }

    /** Attribution with adjustments over without them (EOS); NaN when either is missing. */
    double adjustedVsWithout() {
        return ratio(adjusted(), mainRun(ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2));
    }

    /** Bytes on disk of the decision ledger per remembered decision, at the largest session count. */
    double bytesPerDecision() {
        return sessions.values().stream().reduce((first, second) -> second).map(Throughput::bytesPerDecision)
                .orElse(Double.NaN);
    }

    void addLatency(Latency latency) {
        latencies.add(latency);
    }

    void addRegex(int codesPerProgram, Throughput throughput) {
        regex.put(codesPerProgram, throughput);
    }

    void addHistory(int clicksPerSession, Throughput throughput) {
        history.put(clicksPerSession, throughput);
    }

    void addSessions(int count, Throughput throughput, long rss) {
        sessions.put(count, throughput);
        residentBytes.put(count, rss);
    }

    List<Throughput> main() {
        return List.copyOf(main);
    }

    List<Latency> latencies() {
        return List.copyOf(latencies);
    }

    Map<Integer, Throughput> regex() {
        return Collections.unmodifiableMap(regex);
    }

    Map<Integer, Throughput> history() {
        return Collections.unmodifiableMap(history);
    }

    Map<Integer, Throughput> sessions() {
        return Collections.unmodifiableMap(sessions);
    }

    long residentBytes(int sessionCount) {
        return residentBytes.getOrDefault(sessionCount, -1L);
    }

    Optional<Throughput> mainRun(String contender, Guarantee guarantee) {
        return main.stream().filter(t -> t.contender().equals(contender) && t.guarantee() == guarantee).findFirst();
    }

    Optional<Latency> latency(String contender, Guarantee guarantee) {
        return latencies.stream().filter(l -> l.contender().equals(contender) && l.guarantee() == guarantee)
                .findFirst();
    }

    /** Attribution's records/s over another contender's, same guarantee; NaN when either is missing. */
    double attributionVs(String contender, Guarantee guarantee) {
        return ratio(mainRun(ATTRIBUTION, guarantee), mainRun(contender, guarantee));
    }

    /** The last point of a curve over its first (10,000 regex codes over 10; 1,000 clicks over 1). */
    static double lastOverFirst(Map<Integer, Throughput> curve) {
        if (curve.size() < 2) {
            return Double.NaN;
        }
        List<Throughput> points = new ArrayList<>(curve.values());
        return ratio(Optional.of(points.get(points.size() - 1)), Optional.of(points.get(0)));
    }

    /** Bytes on disk per stored click at the largest session count. */
    double bytesPerClick() {
        return sessions.values().stream().reduce((first, second) -> second).map(Throughput::bytesPerStoredClick)
                .orElse(Double.NaN);
    }

    double p99AtHalfLoad() {
        return latency(ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2).map(l -> (double) l.p99()).orElse(Double.NaN);
    }

    List<Target> targets() {
        return List.of(
                new Target("attribution >= 0.6 x Streams passthrough (EOS)", "attribution_vs_streams_passthrough",
                        attributionVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2), 0.6, true),
                new Target("attribution with usage figures >= 0.9 x without (EOS)", "usage_figures_vs_without",
                        attributionVs(ATTRIBUTION_WITHOUT_USAGE, Guarantee.EXACTLY_ONCE_V2), 0.9, true),
                new Target("p99 <= 250 ms at half load (attribution, EOS)", "p99_ms_at_half_load",
                        p99AtHalfLoad(), 250, false),
                new Target("10,000 regex codes >= 0.5 x 10", "regex_10k_vs_10", lastOverFirst(regex), 0.5, true),
                new Target("1,000 clicks/session >= 0.7 x 1", "history_1000_vs_1", lastOverFirst(history), 0.7, true),
                new Target("<= 200 bytes on disk per stored click", "bytes_per_click", bytesPerClick(), 200, false),
                new Target("with adjustments (1 per 10 orders) >= 0.9 x without (EOS)", "adjustments_vs_without",
                        adjustedVsWithout(), 0.9, true),
                new Target("<= 100 bytes on disk per remembered decision", "bytes_per_decision", bytesPerDecision(),
                        100, false));
    }

    /** The headline figures under the keys results.json promises, then the absolute ones they come from. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("attribution_vs_streams_passthrough", attributionVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2));
        figures.put("attribution_vs_raw_clients", attributionVs(RAW, Guarantee.EXACTLY_ONCE_V2));
        figures.put("attribution_vs_streams_passthrough_alos", attributionVs(PASSTHROUGH, Guarantee.AT_LEAST_ONCE));
        figures.put("attribution_vs_raw_clients_alos", attributionVs(RAW, Guarantee.AT_LEAST_ONCE));
        figures.put("usage_figures_vs_without", attributionVs(ATTRIBUTION_WITHOUT_USAGE, Guarantee.EXACTLY_ONCE_V2));
        figures.put("p99_ms_at_half_load", p99AtHalfLoad());
        figures.put("regex_10k_vs_10", lastOverFirst(regex));
        figures.put("history_1000_vs_1", lastOverFirst(history));
        figures.put("bytes_per_click", bytesPerClick());
        figures.put("adjustments_vs_without", adjustedVsWithout());
        figures.put("bytes_per_decision", bytesPerDecision());
        adjusted().ifPresent(t -> figures.put("attribution_adjusted_eos_records_per_s", t.recordsPerSecond()));
        for (Throughput t : main) {
            String prefix = t.contender() + "_" + t.guarantee().label();
            figures.put(prefix + "_records_per_s", t.recordsPerSecond());
            figures.put(prefix + "_mb_per_s", t.megabytesPerSecond());
        }
        for (Latency l : latencies) {
            String prefix = l.contender() + "_" + l.guarantee().label() + "_latency";
            figures.put(prefix + "_rate_per_s", l.targetRate());
            figures.put(prefix + "_p50_ms", l.p50());
            figures.put(prefix + "_p99_ms", l.p99());
            figures.put(prefix + "_max_ms", l.max());
        }
        regex.forEach((codes, t) -> figures.put("regex_" + codes + "_records_per_s", t.recordsPerSecond()));
        history.forEach((length, t) -> figures.put("history_" + length + "_records_per_s", t.recordsPerSecond()));
        sessions.forEach((count, t) -> {
            figures.put("sessions_" + count + "_state_bytes", t.stateBytes());
            figures.put("sessions_" + count + "_stored_clicks", t.storedClicks());
            figures.put("sessions_" + count + "_bytes_per_click", t.bytesPerStoredClick());
            figures.put("sessions_" + count + "_bytes_per_decision", t.bytesPerDecision());
            figures.put("sessions_" + count + "_rss_bytes", residentBytes(count));
        });
        return figures;
    }

    private static double ratio(Optional<Throughput> numerator, Optional<Throughput> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return Double.NaN;
        }
        return numerator.get().recordsPerSecond() / denominator.get().recordsPerSecond();
    }
}
