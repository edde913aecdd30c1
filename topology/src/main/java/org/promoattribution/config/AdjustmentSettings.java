package org.promoattribution.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * SPEC "Adjustments": how long decisions are remembered for their adjustments, how long an
 * adjustment waits for its decision, and the locking period, per program if set.
 *
 * @param retention        A1: a decision is remembered this long in processing time
 * @param maxWait          A5: an adjustment waits this long in processing time for its decision
 * @param lockPeriod       A3: an adjustment later than the conversion's event time + this is LOCKED
 * @param lockPeriodByProgram the lock period of the programs that set their own
 */
public record AdjustmentSettings(Duration retention, Duration maxWait, Duration lockPeriod,
                                 Map<String, Duration> lockPeriodByProgram) {
    public static final String RETENTION = "adjustment.retention";
    public static final String MAX_WAIT = "adjustment.max.wait";
    public static final String LOCK_PERIOD = "lock.period";
    public static final String LOCK_PERIOD_PROGRAM_PREFIX = "lock.period.program.";

    static final Set<String> KEYS = Set.of(RETENTION, MAX_WAIT, LOCK_PERIOD);

    static boolean owns(String key) {
        return KEYS.contains(key) || key.startsWith(LOCK_PERIOD_PROGRAM_PREFIX);
    }

    static AdjustmentSettings from(Map<String, String> values) {
        Map<String, Duration> byProgram = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(LOCK_PERIOD_PROGRAM_PREFIX)) {
                byProgram.put(key.substring(LOCK_PERIOD_PROGRAM_PREFIX.length()), AttributionConfig.positive(key, value));
            }
        });
        return new AdjustmentSettings(
                AttributionConfig.positive(RETENTION, values.getOrDefault(RETENTION, "P180D")),
                AttributionConfig.positive(MAX_WAIT, values.getOrDefault(MAX_WAIT, "PT1H")),
                AttributionConfig.positive(LOCK_PERIOD, values.getOrDefault(LOCK_PERIOD, "P60D")),
                Map.copyOf(byProgram));
    }

    public Duration lockPeriod(String programId) {
        return lockPeriodByProgram.getOrDefault(programId, lockPeriod);
    }

    /** The same settings waiting {@code maxWait} instead (simulate decides held adjustments at the end of input). */
    public AdjustmentSettings withMaxWait(Duration wait) {
        return new AdjustmentSettings(retention, wait, lockPeriod, lockPeriodByProgram);
    }
}
