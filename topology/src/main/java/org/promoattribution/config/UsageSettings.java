package org.promoattribution.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
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

    static final Set<String> KEYS = Set.of(FIGURES, LEAK_MIN_USES, LEAK_RATIO, RETENTION);

    static UsageSettings from(Map<String, String> values) {
        Duration retention = AttributionConfig.positive(RETENTION, values.getOrDefault(RETENTION, "P60D"));
        if (retention.toDays() < 1) {
            throw new IllegalArgumentException(RETENTION + " must be at least one day: " + retention);
        }
        return new UsageSettings(bool(values.getOrDefault(FIGURES, "true")), new LeakRule(AttributionConfig.integer(values, LEAK_MIN_USES, 10),
                ratio(values.getOrDefault(LEAK_RATIO, "0.5"))), retention);
    }

    /** Days before the latest day whose figures still change. */
    public long retentionDays() {
        return retention.toDays();
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(FIGURES + " must be true or false: " + value);
    }

    private static double ratio(String value) {
        try {
            double ratio = Double.parseDouble(value);
            if (ratio >= 0 && ratio <= 1) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(LEAK_RATIO + " must be a number from 0 to 1: " + value);
    }
}
