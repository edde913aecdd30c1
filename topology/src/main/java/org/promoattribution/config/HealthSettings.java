package org.promoattribution.config;

import java.time.Duration;
import java.util.Map;

/**
 * When a failing stream thread makes the instance unready or not live (see ops/Health).
 *
 * @param quietPeriod       after a stream thread failed, how long the instance must be RUNNING again (its
 *                          replacement joined) without another failure before it is ready again
 * @param crashLoopFailures this many stream thread failures within {@code crashLoopWindow} are a crash loop
 *                          the instance cannot get out of by itself: it is no longer live
 * @param crashLoopWindow   the window of {@code crashLoopFailures}
 */
public record HealthSettings(Duration quietPeriod, int crashLoopFailures, Duration crashLoopWindow) {
    public static final String FAILURE_QUIET_PERIOD = "health.failure.quiet.period";
    public static final String CRASH_LOOP_FAILURES = "health.crash.loop.failures";
    public static final String CRASH_LOOP_WINDOW = "health.crash.loop.window";

    static final OwnedKeys KEYS = OwnedKeys.of("health", "health.")
            .define(FAILURE_QUIET_PERIOD, Parsers::positiveDuration, "PT30S",
                    "after a stream thread failed, how long the instance must run again before it is ready")
            .define(CRASH_LOOP_FAILURES, Parsers::positiveInt, "5",
                    "this many stream thread failures within the window are a crash loop: not live")
            .define(CRASH_LOOP_WINDOW, Parsers::positiveDuration, "PT10M", "the window of those failures");

    static HealthSettings from(Map<String, String> values) {
        return new HealthSettings(KEYS.value(FAILURE_QUIET_PERIOD, values), KEYS.value(CRASH_LOOP_FAILURES, values),
                KEYS.value(CRASH_LOOP_WINDOW, values));
    }
}
