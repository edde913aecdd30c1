package org.promoattribution.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Everything one bench run measured, and the ratios and targets computed from it. Ratios, not
 * absolute rates, are what the targets judge: they hold on any machine, since contenders share
 * the broker, the records and the cores. Each ratio is taken within a round, where its two runs
 * were next to each other in time, and the median of those is reported: the machine's load
 * changes between rounds far more than between neighbouring runs.
 */
final class BenchResults {
    static final String ATTRIBUTION = "attribution";
    static final String ATTRIBUTION_WITHOUT_USAGE = "attribution_without_usage";
    static final String PASSTHROUGH = "streams_passthrough";
    static final String RAW = "raw_clients";

    private static final Predicate<Throughput> MAIN_RUN = t -> t.scenario().equals(Scenario.MAIN);
    private static final Predicate<Throughput> ADJUSTED_RUN = t -> t.scenario().equals(Scenario.ADJUSTED);
    private static final Predicate<Throughput> TERMS_RUN = t -> t.scenario().equals(Scenario.WITH_TERMS);

    private final List<List<Throughput>> rounds = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private final Map<Integer, Throughput> regex = new LinkedHashMap<>();
    private final Map<Integer, Throughput> history = new LinkedHashMap<>();
    private final Map<Integer, Throughput> sessions = new LinkedHashMap<>();
    private final Map<Integer, Long> residentBytes = new LinkedHashMap<>();

    /**
     * One round of throughput runs under one guarantee: each contender over the main workload and,
     * under exactly-once, attribution over the {@link Scenario#ADJUSTED} and {@link Scenario#WITH_TERMS}
     * ones; a failed run is missing.
     */
    void addRound(List<Throughput> runs) {
        rounds.add(List.copyOf(runs));
    }

    /** Attribution over the main workload with one adjustment per ten orders (EOS): its median run. */
    Optional<Throughput> adjusted() {
        return medianRun(ADJUSTED_RUN.and(t -> t.guarantee() == Guarantee.EXACTLY_ONCE_V2));
    }

    /** Attribution with adjustments over without them (EOS), the median of {@link #adjustedVsWithoutByRound}. */
    double adjustedVsWithout() {
        return pairedRatio(ADJUSTED_RUN, mainOf(ATTRIBUTION), Guarantee.EXACTLY_ONCE_V2);
    }

    /** Attribution with adjustments over without them in each round (EOS) that has both. */
    List<Double> adjustedVsWithoutByRound() {
        return roundRatios(ADJUSTED_RUN, mainOf(ATTRIBUTION), Guarantee.EXACTLY_ONCE_V2, Throughput::recordsPerSecond);
    }

    /** Attribution over the main workload under commission terms, orders with items (EOS): its median run. */
    Optional<Throughput> withTerms() {
        return medianRun(TERMS_RUN.and(t -> t.guarantee() == Guarantee.EXACTLY_ONCE_V2));
    }

    /** Attribution with commission terms over without them (EOS), the median of the rounds' ratios. */
    double termsVsWithout() {
        return median(termsVsWithoutByRound(Throughput::recordsPerSecond));
    }

    /** The same by stream-thread CPU: records per CPU second with terms over without, median of the rounds. */
    double termsVsWithoutCpu() {
        return median(termsVsWithoutByRound(Throughput::recordsPerCpuSecond));
    }

    /** Attribution with terms over without them in each round (EOS) that has both, by {@code rate}. */
    List<Double> termsVsWithoutByRound(ToDoubleFunction<Throughput> rate) {
        return roundRatios(TERMS_RUN, mainOf(ATTRIBUTION), Guarantee.EXACTLY_ONCE_V2, rate);
    }

    /**
     * Bytes on disk of the decision ledger per remembered decision of the median run with terms,
     * where every credited decision's entry holds a commission and its flat part (SPEC C4).
     */
    double bytesPerDecisionWithCommission() {
        return withTerms().map(Throughput::bytesPerDecision).orElse(Double.NaN);
    }

    /** The same of attribution's median run without terms (EOS), on the same clicks and orders. */
    double bytesPerDecisionWithoutCommission() {
        return mainRun(ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2).map(Throughput::bytesPerDecision).orElse(Double.NaN);
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

    /** Each contender's median run over the main workload, per guarantee, in the order they ran. */
    List<Throughput> main() {
        List<Throughput> medians = new ArrayList<>();
        rounds.stream().flatMap(List::stream).filter(MAIN_RUN)
                .map(t -> Map.entry(t.contender(), t.guarantee())).distinct()
                .forEach(run -> mainRun(run.getKey(), run.getValue()).ifPresent(medians::add));
        return medians;
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

    /** A contender's median run over the main workload under a guarantee. */
    Optional<Throughput> mainRun(String contender, Guarantee guarantee) {
        return medianRun(mainOf(contender).and(t -> t.guarantee() == guarantee));
    }

    Optional<Latency> latency(String contender, Guarantee guarantee) {
        return latencies.stream().filter(l -> l.contender().equals(contender) && l.guarantee() == guarantee)
                .findFirst();
    }

    /** Attribution's records/s over another contender's, same guarantee; NaN when no round has both. */
    double attributionVs(String contender, Guarantee guarantee) {
        return pairedRatio(mainOf(ATTRIBUTION), mainOf(contender), guarantee);
    }

    /** {@link #attributionVs} in each round that has both, in round order. */
    List<Double> attributionVsByRound(String contender, Guarantee guarantee) {
        return attributionVsByRound(contender, guarantee, Throughput::recordsPerSecond);
    }

    /**
     * The same ratio by stream-thread CPU: the other contender's CPU per record over attribution's
     * (records per CPU second, so it reads like the throughput ratio), median of the rounds.
     */
    double attributionCpuVs(String contender, Guarantee guarantee) {
        return median(attributionCpuVsByRound(contender, guarantee));
    }

    List<Double> attributionCpuVsByRound(String contender, Guarantee guarantee) {
        return attributionVsByRound(contender, guarantee, Throughput::recordsPerCpuSecond);
    }

    /**
     * Attribution over another contender by any {@code rate} (e.g. in the runs' steady middle,
     * {@link SteadyWindow}), median of the rounds.
     */
    double attributionVs(String contender, Guarantee guarantee, ToDoubleFunction<Throughput> rate) {
        return median(attributionVsByRound(contender, guarantee, rate));
    }

    List<Double> attributionVsByRound(String contender, Guarantee guarantee, ToDoubleFunction<Throughput> rate) {
        return roundRatios(mainOf(ATTRIBUTION), mainOf(contender), guarantee, rate);
    }

    private static Predicate<Throughput> mainOf(String contender) {
        return MAIN_RUN.and(t -> t.contender().equals(contender));
    }

    private Optional<Throughput> medianRun(Predicate<Throughput> which) {
        List<Throughput> runs = rounds.stream().flatMap(List::stream).filter(which).toList();
        return runs.isEmpty() ? Optional.empty() : Optional.of(Throughput.median(runs));
    }

    /** The median of {@link #roundRatios} (of an even number, the lower of the middle two); NaN when none. */
    private double pairedRatio(Predicate<Throughput> numerator, Predicate<Throughput> denominator,
                               Guarantee guarantee) {
        return median(roundRatios(numerator, denominator, guarantee, Throughput::recordsPerSecond));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(Double::isFinite).sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
    }

    /** Per round under {@code guarantee} that has both, one run's rate over the other's, in round order. */
    private List<Double> roundRatios(Predicate<Throughput> numerator, Predicate<Throughput> denominator,
                                     Guarantee guarantee, ToDoubleFunction<Throughput> rate) {
        List<Double> ratios = new ArrayList<>();
        for (List<Throughput> round : rounds) {
            Optional<Throughput> top = round.stream().filter(t -> t.guarantee() == guarantee).filter(numerator)
                    .findFirst();
            Optional<Throughput> bottom = round.stream().filter(t -> t.guarantee() == guarantee).filter(denominator)
                    .findFirst();
            if (top.isPresent() && bottom.isPresent()) {
                ratios.add(rate.applyAsDouble(top.get()) / rate.applyAsDouble(bottom.get()));
            }
        }
        return ratios;
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
                new Target("attribution >= 0.35 x Streams passthrough (EOS)", "attribution_vs_streams_passthrough",
                        attributionVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2), 0.35, true),
                new Target("the same by stream-thread CPU per record (EOS)", "attribution_vs_streams_passthrough_cpu",
                        attributionCpuVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2), 0.35, true),
                new Target("attribution with usage figures >= 0.9 x without (EOS)", "usage_figures_vs_without",
                        attributionVs(ATTRIBUTION_WITHOUT_USAGE, Guarantee.EXACTLY_ONCE_V2), 0.9, true),
                new Target("p99 <= 500 ms at half load (attribution, EOS)", "p99_ms_at_half_load",
                        p99AtHalfLoad(), 500, false),
                new Target("10,000 regex codes >= 0.5 x 10", "regex_10k_vs_10", lastOverFirst(regex), 0.5, true),
                new Target("1,000 clicks/session >= 0.9 x 1", "history_1000_vs_1", lastOverFirst(history), 0.9, true),
                new Target("<= 200 bytes on disk per stored click", "bytes_per_click", bytesPerClick(), 200, false),
                new Target("with adjustments (1 per 10 orders) >= 0.9 x without (EOS)", "adjustments_vs_without",
                        adjustedVsWithout(), 0.9, true),
                new Target("<= 100 bytes on disk per remembered decision", "bytes_per_decision", bytesPerDecision(),
                        100, false),
                new Target("attribution with commission terms >= 0.9 x without (EOS)", "terms_vs_without",
                        termsVsWithout(), 0.9, true),
                new Target("<= 100 bytes per remembered decision with commission", "bytes_per_decision_with_commission",
                        bytesPerDecisionWithCommission(), 100, false));
    }

    /** The headline figures under the keys results.json promises, then the absolute ones they come from. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("attribution_vs_streams_passthrough", attributionVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2));
        figures.put("attribution_vs_streams_passthrough_by_round",
                attributionVsByRound(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2));
        figures.put("attribution_vs_streams_passthrough_cpu", attributionCpuVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2));
        figures.put("attribution_vs_streams_passthrough_cpu_by_round",
                attributionCpuVsByRound(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2));
        figures.put("attribution_vs_streams_passthrough_steady",
                attributionVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, Throughput::steadyRecordsPerSecond));
        figures.put("attribution_vs_streams_passthrough_steady_by_round",
                attributionVsByRound(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, Throughput::steadyRecordsPerSecond));
        figures.put("attribution_vs_streams_passthrough_steady_cpu",
                attributionVs(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, Throughput::steadyRecordsPerCpuSecond));
        figures.put("attribution_vs_streams_passthrough_steady_cpu_by_round",
                attributionVsByRound(PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, Throughput::steadyRecordsPerCpuSecond));
        figures.put("attribution_vs_raw_clients", attributionVs(RAW, Guarantee.EXACTLY_ONCE_V2));
        figures.put("attribution_vs_streams_passthrough_alos", attributionVs(PASSTHROUGH, Guarantee.AT_LEAST_ONCE));
        figures.put("attribution_vs_raw_clients_alos", attributionVs(RAW, Guarantee.AT_LEAST_ONCE));
        figures.put("usage_figures_vs_without", attributionVs(ATTRIBUTION_WITHOUT_USAGE, Guarantee.EXACTLY_ONCE_V2));
        figures.put("usage_figures_vs_without_steady_cpu", attributionVs(ATTRIBUTION_WITHOUT_USAGE,
                Guarantee.EXACTLY_ONCE_V2, Throughput::steadyRecordsPerCpuSecond));
        figures.put("p99_ms_at_half_load", p99AtHalfLoad());
        figures.put("regex_10k_vs_10", lastOverFirst(regex));
        figures.put("history_1000_vs_1", lastOverFirst(history));
        figures.put("bytes_per_click", bytesPerClick());
        figures.put("adjustments_vs_without", adjustedVsWithout());
        figures.put("adjustments_vs_without_by_round", adjustedVsWithoutByRound());
        figures.put("bytes_per_decision", bytesPerDecision());
        adjusted().ifPresent(t -> figures.put("attribution_adjusted_eos_records_per_s", t.recordsPerSecond()));
        figures.put("terms_vs_without", termsVsWithout());
        figures.put("terms_vs_without_by_round", termsVsWithoutByRound(Throughput::recordsPerSecond));
        figures.put("terms_vs_without_cpu", termsVsWithoutCpu());
        figures.put("terms_vs_without_cpu_by_round", termsVsWithoutByRound(Throughput::recordsPerCpuSecond));
        figures.put("bytes_per_decision_with_commission", bytesPerDecisionWithCommission());
        figures.put("bytes_per_decision_without_commission", bytesPerDecisionWithoutCommission());
        withTerms().ifPresent(t -> {
            figures.put("attribution_terms_eos_records_per_s", t.recordsPerSecond());
            figures.put("attribution_terms_eos_cpu_us_per_record", t.cpuMicrosPerRecord());
        });
        for (Throughput t : main()) {
            String prefix = t.contender() + "_" + t.guarantee().label();
            figures.put(prefix + "_records_per_s", t.recordsPerSecond());
            figures.put(prefix + "_mb_per_s", t.megabytesPerSecond());
            figures.put(prefix + "_cpu_us_per_record", t.cpuMicrosPerRecord());
            figures.put(prefix + "_steady_records_per_s", t.steadyRecordsPerSecond());
            figures.put(prefix + "_steady_cpu_us_per_record", t.steadyCpuMicrosPerRecord());
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
        history.forEach((length, t) -> figures.put("history_" + length + "_cpu_us_per_record", t.cpuMicrosPerRecord()));
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
