package org.promoattribution.config;

import java.time.Duration;
import java.util.Map;
import org.promoattribution.usage.LeakRule;

/**
 * The settings of SPEC "Promo-code usage and leaks".
 *
 * @param figures   whether the pipeline keeps and writes the figures at all (on by default; off only
 *                  saves their cost, as the bench measures it)
 * @param leakRule  when a code's figures of one day make it leaking
 * @param retention how long, counted back from the latest day a partition's figures reached, a day's figures
 *                  stay updatable; older days are forgotten and their late uses not counted (the figures
 *                  already written stay the truth on the topic)
 */
public record UsageSettings(boolean figures, LeakRule leakRule, Duration retention) {
    public static final String FIGURES = "usage.figures";
    public static final String LEAK_MIN_USES = "leak.min.uses";
    public static final String LEAK_RATIO = "leak.ratio";
    public static final String RETENTION = "usage.retention";

    static final OwnedKeys KEYS = OwnedKeys.of("usage figures", "usage.", "leak.")
            .define(FIGURES, Parsers::bool, "true", "whether the usage figures are kept and written")
            .define(LEAK_MIN_USES, Parsers::positiveInt, "10",
                    "a code leaks on a day only with at least this many uses without an owner click")
            .define(LEAK_RATIO, Parsers::ratio, "0.5", "... and when those are at least this share of the day's uses")
            .define(RETENTION, UsageSettings::retention, "P60D",
                    "a day's figures stay updatable until the partition's latest day is this much later");

    static UsageSettings from(Map<String, String> values) {
        return new UsageSettings(KEYS.value(FIGURES, values),
                new LeakRule(KEYS.value(LEAK_MIN_USES, values), KEYS.value(LEAK_RATIO, values)),
                KEYS.value(RETENTION, values));
    }

    private static Duration retention(String key, String value) {
        Duration retention = Parsers.positiveDuration(key, value);
        if (retention.toDays() < 1) {
            throw new IllegalArgumentException(key + " must be at least one day: " + retention);
        }
        return retention;
    }

    /** Days before the latest day whose figures still change. */
    public long retentionDays() {
        return retention.toDays();
    }
}
