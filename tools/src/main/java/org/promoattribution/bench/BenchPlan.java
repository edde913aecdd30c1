package org.promoattribution.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big each part of a bench run is. {@link #quick()} keeps the whole run near ten minutes
 * on two cores; {@link #full()} gives steadier figures.
 *
 * @param clicks           distinct clicks of the main workload (the one A, B and C all read)
 * @param eosRounds        how many times each contender reads the main workload under exactly-once,
 *                         the guarantee the targets judge; its median run is reported
 * @param pacedDuration    how long a latency run sends for
 * @param regexCodes       REGEX codes per program, one throughput run each
 * @param sessionLengths   clicks per session, one throughput run each (same total clicks)
 * @param historyClicks    total clicks of each session-length run
 * @param sessions         sessions of the state-size runs
 * @param atLeastOnce      whether the main workload is also read under at-least-once (one round)
 */
public record BenchPlan(
        int clicks,
        int eosRounds,
        Duration pacedDuration,
        List<Integer> regexCodes,
        List<Integer> sessionLengths,
        int historyClicks,
        List<Integer> sessions,
        boolean atLeastOnce) {

    /** Mean clicks of a generated session (1 to 20, uniformly). */
    static final double CLICKS_PER_SESSION = 10.5;

    public BenchPlan {
        regexCodes = List.copyOf(regexCodes);
        sessionLengths = List.copyOf(sessionLengths);
        sessions = List.copyOf(sessions);
    }

    public static BenchPlan quick() {
        return new BenchPlan(100_000, 3, Duration.ofSeconds(16), List.of(10, 1_000, 10_000),
                List.of(1, 100, 1_000), 30_000, List.of(2_000, 6_000), true);
    }

    public static BenchPlan full() {
        return new BenchPlan(200_000, 3, Duration.ofSeconds(30), List.of(10, 1_000, 10_000),
                List.of(1, 100, 1_000), 100_000, List.of(10_000, 50_000), true);
    }

    /**
     * This plan's main workload under exactly-once only (its rounds and latency runs): no
     * at-least-once round, no curves. A quick comparison of two builds, or of two settings.
     */
    public BenchPlan mainOnly() {
        return new BenchPlan(clicks, eosRounds, pacedDuration, List.of(), List.of(), historyClicks, List.of(), false);
    }

    /** Rounds over the main workload: {@link #eosRounds} under exactly-once, one (or none) under at-least-once. */
    int mainRounds(Guarantee guarantee) {
        return guarantee == Guarantee.EXACTLY_ONCE_V2 ? eosRounds : atLeastOnce ? 1 : 0;
    }

    /** Clicks that make about {@code sessions} generated sessions. */
    static int clicksOfSessions(int sessions) {
        return (int) Math.round(sessions * CLICKS_PER_SESSION);
    }
}
