package org.promoattribution.bench.micro;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.Schedule;
import org.promoattribution.rule.ClickLog;
import org.promoattribution.rule.CreditRule;
import org.promoattribution.rule.ListClickLog;
import org.promoattribution.rule.TrackedClick;
import org.promoattribution.rule.Verdict;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;

/**
 * The credit rule on a session history of {@code clicks} clicks from four partners, for an order
 * with an IF_INVOLVED code of a partner who did not click (the whole history is searched twice:
 * for the winner and for the partner) and for one without codes (last click).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CreditRuleBenchmark {
    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    @Param({"1", "100", "1000"})
    public int clicks;

    private ClickLog log;
    private Instant conversionTime;
    private List<CodeMatch> involvedCode;

    @Setup
    public void setUp() {
        List<TrackedClick> history = new ArrayList<>(clicks);
        for (int i = 0; i < clicks; i++) {
            history.add(new TrackedClick("c-" + i, "partner-" + i % 4, START.plusSeconds(60L * i)));
        }
        log = new ListClickLog(history);
        conversionTime = START.plusSeconds(60L * clicks);
        CodeDefinition definition = new CodeDefinition("pc-1", "acme", "partner-absent", "SUMMER10",
                MatchType.EXACT, CreditPolicy.IF_INVOLVED, null, Schedule.ALWAYS_LIVE, null);
        involvedCode = List.of(new CodeMatch("SUMMER10", definition));
    }

    @Benchmark
    public Verdict codeOfAbsentPartner() {
        return CreditRule.decide(conversionTime, WINDOW, log, involvedCode);
    }

    @Benchmark
    public Verdict lastClick() {
        return CreditRule.decide(conversionTime, WINDOW, log, List.of());
    }
}
