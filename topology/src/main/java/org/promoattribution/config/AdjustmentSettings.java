package org.promoattribution.config;

import java.time.Duration;
import java.util.Map;

/**
 * SPEC "Adjustments": how long decisions are remembered for their adjustments, how long an
 * adjustment waits for its decision, and the locking period, per program if set.
 *
 * @param retention        A1: a decision is remembered this long in processing time
 * @param maxWait          A5: an adjustment waits this long, after decision.delay, in processing time for its decision
 * @param lockPeriod       A3: an adjustment later than the conversion's event time + this is LOCKED
 * @param lockPeriodByProgram the lock period of the programs that set their own
 */
public record AdjustmentSettings(Duration retention, Duration maxWait, Duration lockPeriod,
                                 Map<String, Duration> lockPeriodByProgram) {
    public static final String RETENTION = "adjustment.retention";
    public static final String MAX_WAIT = "adjustment.max.wait";
    public static final String LOCK_PERIOD = "lock.period";
    public static final String LOCK_PERIOD_PROGRAM_PREFIX = "lock.period.program.";

    static final OwnedKeys KEYS = OwnedKeys.of("adjustments", "adjustment.", "lock.")
            .define(RETENTION, Parsers::positiveDuration, "P180D",
                    "how long (processing time) a decision is remembered for its adjustments")
            .define(MAX_WAIT, Parsers::positiveDuration, "PT1H",
                    "how long (processing time) an adjustment waits for its conversion's decision")
            .define(LOCK_PERIOD, Parsers::positiveDuration, "P60D",
                    "an adjustment later than the conversion's event time + this is LOCKED")
            .definePerProgram(LOCK_PERIOD_PROGRAM_PREFIX, Parsers::positiveDuration, "the lock period of one program");

    static AdjustmentSettings from(Map<String, String> values) {
        return new AdjustmentSettings(KEYS.value(RETENTION, values), KEYS.value(MAX_WAIT, values),
                KEYS.value(LOCK_PERIOD, values), KEYS.perProgram(LOCK_PERIOD_PROGRAM_PREFIX, values));
    }

    public Duration lockPeriod(String programId) {
        return lockPeriodByProgram.getOrDefault(programId, lockPeriod);
    }
}
