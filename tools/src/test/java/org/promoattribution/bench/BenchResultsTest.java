package org.promoattribution.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultsTest {
    private static final RunContext CONTEXT = new RunContext(Instant.parse("2026-11-25T11:00:00Z"), "quick", 2, 1.5,
            "embedded <broker>");

    private static Throughput run(String scenario, String contender, Guarantee guarantee, double seconds) {
        return new Throughput(scenario, contender, guarantee, 10_000, 1_000_000, seconds, 0, 0, 0, 0, 0);
    }

    /** C at 5,000 records/s, D (C without usage figures) at 5,555, B at 8,000, A at 20,000 (EOS); curves that halve and hold. */
    private static BenchResults results() {
        BenchResults results = new BenchResults();
        results.addRound(List.of(run("main", BenchResults.RAW, Guarantee.EXACTLY_ONCE_V2, 0.5),
                run("main", BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, 1.25),
                run("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 2),
                run(Scenario.ADJUSTED, BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 2.5),
                run("main", BenchResults.ATTRIBUTION_WITHOUT_USAGE, Guarantee.EXACTLY_ONCE_V2, 1.8)));
        results.addLatency(Latency.of(BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 2_500,
                new long[] {100, 120, 90, 600}));
        results.addRegex(10, run("regex-10", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 1));
        results.addRegex(10_000, run("regex-10000", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 2.5));
        results.addHistory(1, run("history-1", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 1));
        results.addHistory(1_000, run("history-1000", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 1.25));
        results.addSessions(100, new Throughput("sessions-100", BenchResults.ATTRIBUTION,
                Guarantee.EXACTLY_ONCE_V2, 1_000, 100_000, 1, 0, 300_000, 1_000, 10_000, 100), 200_000_000);
        results.addSessions(400, new Throughput("sessions-400", BenchResults.ATTRIBUTION,
                Guarantee.EXACTLY_ONCE_V2, 4_000, 400_000, 1, 0, 600_000, 4_000, 32_000, 400), 250_000_000);
        return results;
    }

    @Test
    void ratiosCompareAttributionWithTheOthersUnderTheSameGuarantee() {
        BenchResults results = results();
        assertThat(results.attributionVs(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2)).isCloseTo(0.625,
                within(1e-9));
        assertThat(results.attributionVs(BenchResults.RAW, Guarantee.EXACTLY_ONCE_V2)).isCloseTo(0.25, within(1e-9));
        assertThat(results.attributionVs(BenchResults.RAW, Guarantee.AT_LEAST_ONCE)).isNaN();
        assertThat(results.attributionVs(BenchResults.ATTRIBUTION_WITHOUT_USAGE, Guarantee.EXACTLY_ONCE_V2))
                .isCloseTo(0.9, within(1e-9));
        assertThat(BenchResults.lastOverFirst(results.regex())).isCloseTo(0.4, within(1e-9));
        assertThat(BenchResults.lastOverFirst(results.history())).isCloseTo(0.8, within(1e-9));
        assertThat(results.bytesPerClick()).isCloseTo(150, within(1e-9)); // the largest session count's
    }

    @Test
    void theMedianRunIsReportedAndOfAnEvenNumberTheSlowerMiddleOne() {
        Throughput slow = run("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 4);
        Throughput middle = run("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 2);
        Throughput fast = run("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 1);
        assertThat(Throughput.median(List.of(fast, slow, middle))).isSameAs(middle);
        assertThat(Throughput.median(List.of(fast, slow, middle, fast))).isSameAs(middle);
        assertThat(Throughput.median(List.of(fast))).isSameAs(fast);
    }

    @Test
    void eachRatioIsTheMedianOfItsRoundsSoASlowRoundFallsOnBothRunsOfIt() {
        BenchResults results = new BenchResults();
        // round 1: the machine is busy; round 2: quiet; round 3: attribution alone had a bad moment
        results.addRound(List.of(run("main", BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, 2),
                run("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 4),
                run(Scenario.ADJUSTED, BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 4.2)));
        results.addRound(List.of(run(Scenario.ADJUSTED, BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 1.05),
                run("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 1),
                run("main", BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, 0.5)));
        results.addRound(List.of(run("main", BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2, 0.5),
                run("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 2),
                run(Scenario.ADJUSTED, BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 1)));
        results.addRound(List.of(run("main", BenchResults.PASSTHROUGH, Guarantee.AT_LEAST_ONCE, 1),
                run("main", BenchResults.ATTRIBUTION, Guarantee.AT_LEAST_ONCE, 3)));

        // per round 0.5, 0.5, 0.25; the ratio of the median runs (2 s and 0.5 s) would say 0.25
        assertThat(results.attributionVs(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2)).isCloseTo(0.5,
                within(1e-9));
        assertThat(results.attributionVs(BenchResults.PASSTHROUGH, Guarantee.AT_LEAST_ONCE)).isCloseTo(1 / 3.0,
                within(1e-9));
        // per round 4/4.2, 1/1.05 and 2 (adjusted faster); the ratio of the median runs would say 2/1.05
        assertThat(results.adjustedVsWithoutByRound()).containsExactly(4 / 4.2, 1 / 1.05, 2.0);
        assertThat(results.adjustedVsWithout()).isCloseTo(4 / 4.2, within(1e-9));
        assertThat(results.adjusted().orElseThrow().seconds()).isEqualTo(1.05);
        // the median runs, one per contender and guarantee, in the order of the first round
        assertThat(results.main()).extracting(t -> t.contender() + "/" + t.guarantee().label() + "/" + t.seconds())
                .containsExactly("streams_passthrough/eos/0.5", "attribution/eos/2.0", "streams_passthrough/alos/1.0",
                        "attribution/alos/3.0");
    }

    @Test
    void termsAreComparedWithAttributionOverTheMainWorkloadInTheSameRound_andTheirLedgerBytesReportedApart() {
        BenchResults results = new BenchResults();
        // round 1 busy, round 2 quiet: with terms at 0.8 and 0.95 of the run beside it
        results.addRound(List.of(terms(5, 2, 330_000), cpuRun(BenchResults.ATTRIBUTION, 4, 1),
                run(Scenario.ADJUSTED, BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 9)));
        results.addRound(List.of(cpuRun(BenchResults.ATTRIBUTION, 1, 1), terms(1 / 0.95, 1, 310_000)));

        assertThat(results.termsVsWithoutByRound(Throughput::recordsPerSecond)).containsExactly(0.8, 0.95);
        assertThat(results.termsVsWithout()).isCloseTo(0.8, within(1e-9)); // of two, the lower
        assertThat(results.termsVsWithoutByRound(Throughput::recordsPerCpuSecond)).containsExactly(0.5, 1.0);
        assertThat(results.withTerms().orElseThrow().seconds()).isEqualTo(5); // the median run: the slower of two
        assertThat(results.bytesPerDecisionWithCommission()).isCloseTo(66, within(1e-9)); // 330,000 / 5,000
        // the runs with terms are neither the main workload's medians nor the adjustments'
        assertThat(results.main()).extracting(Throughput::scenario).containsOnly(Scenario.MAIN);
        assertThat(results.adjusted().orElseThrow().seconds()).isEqualTo(9);
    }

    private static Throughput terms(double seconds, double cpuSeconds, long ledgerBytes) {
        return new Throughput(Scenario.WITH_TERMS, BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 10_000,
                1_000_000, seconds, (long) (cpuSeconds * 1e9), 0, 0, ledgerBytes, 5_000);
    }

    @Test
    void theCpuRatioComparesStreamThreadCpuPerRecordWithinEachRound() {
        BenchResults results = new BenchResults();
        // round 1: the machine was busy, so wall time says 0.25 while CPU per record says 0.4
        results.addRound(List.of(cpuRun(BenchResults.PASSTHROUGH, 1, 0.4), cpuRun(BenchResults.ATTRIBUTION, 4, 1)));
        results.addRound(List.of(cpuRun(BenchResults.ATTRIBUTION, 2, 1.25), cpuRun(BenchResults.PASSTHROUGH, 0.5, 0.5)));
        results.addRound(List.of(cpuRun(BenchResults.PASSTHROUGH, 0.5, 0.3), cpuRun(BenchResults.ATTRIBUTION, 1.5, 1)));

        assertThat(results.attributionCpuVsByRound(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2))
                .containsExactly(0.4, 0.4, 0.3);
        assertThat(results.attributionCpuVs(BenchResults.PASSTHROUGH, Guarantee.EXACTLY_ONCE_V2)).isCloseTo(0.4,
                within(1e-9));
        assertThat(cpuRun(BenchResults.PASSTHROUGH, 1, 0.4).cpuMicrosPerRecord()).isCloseTo(40, within(1e-9));
    }

    private static Throughput cpuRun(String contender, double seconds, double cpuSeconds) {
        return new Throughput("main", contender, Guarantee.EXACTLY_ONCE_V2, 10_000, 1_000_000, seconds,
                (long) (cpuSeconds * 1e9), 0, 0, 0, 0);
    }

    @Test
    void latencyPercentilesAreNearestRank() {
        Latency latency = Latency.of("c", Guarantee.AT_LEAST_ONCE, 10, new long[] {5, 1, 4, 2, 3});
        assertThat(latency.p50()).isEqualTo(3);
        assertThat(latency.p99()).isEqualTo(5);
        assertThat(latency.max()).isEqualTo(5);
        assertThat(latency.samples()).isEqualTo(5);
    }

    @Test
    void targetsPassOrMissOnTheirLimits() {
        Map<String, Boolean> passed = new HashMap<>();
        results().targets().forEach(t -> passed.put(t.key(), t.passed()));
        assertThat(passed).containsEntry("attribution_vs_streams_passthrough", true)
                .containsEntry("p99_ms_at_half_load", false) // 600 ms: nearest rank of 4 samples is the max
                .containsEntry("regex_10k_vs_10", false)
                .containsEntry("history_1000_vs_1", false) // 0.8, under 0.9
                .containsEntry("bytes_per_click", true)
                .containsEntry("adjustments_vs_without", false) // 4,000 records/s with them, 5,000 without
                .containsEntry("bytes_per_decision", true) // 80 at the largest session count
                .containsEntry("terms_vs_without", false) // no run with terms: not measured
                .containsEntry("bytes_per_decision_with_commission", false);
        assertThat(new Target("at most", "k", 200, 200, false).passed()).isTrue();
        assertThat(new Target("at least", "k", 0.59, 0.6, true).passed()).isFalse();
    }

    @Test
    void resultsJsonHasTheHeadlineKeysAsNumbersAndNullForWhatWasNotMeasured(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/results.json");
        ResultsJson.write(file, ResultsJson.document(CONTEXT, results(), 1.0));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (String key : new String[] {"attribution_vs_streams_passthrough", "attribution_vs_raw_clients",
                "usage_figures_vs_without", "p99_ms_at_half_load", "regex_10k_vs_10", "history_1000_vs_1",
                "bytes_per_click", "attribution_eos_records_per_s", "regex_10000_records_per_s", "sessions_400_rss_bytes",
                "adjustments_vs_without", "bytes_per_decision", "attribution_adjusted_eos_records_per_s"}) {
            assertThat(json.get(key).isNumber()).as(key).isTrue();
        }
        assertThat(json.get("attribution_vs_raw_clients_alos").isNull()).isTrue();
        assertThat(json.get("targets")).hasSize(11);
        assertThat(json.get("throughput_with_adjustments")).hasSize(1);
        assertThat(json.get("throughput")).hasSize(4);
        assertThat(json.get("cores").asInt()).isEqualTo(2);
    }

    @Test
    void chartHasOneBarPerRunAndEscapesText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chart.html");
        HtmlChart.write(file, CONTEXT, results());

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("embedded &lt;broker&gt;")
                .contains("MISS: 10,000 regex codes &gt;= 0.5 x 10").doesNotContain("<script");
        assertThat(html.split("<rect", -1)).hasSize(1 + 4 + 1 + 2 + 2 + 2);
    }
}
