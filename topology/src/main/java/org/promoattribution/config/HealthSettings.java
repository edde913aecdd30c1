package org.promoattribution.config;

import java.time.Duration;

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
}
