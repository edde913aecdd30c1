package org.promoattribution.usage;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One definition on one UTC day: the key of {@code promo-code-usage}, written as
 * {@code promoCodeId|yyyy-MM-dd}. The date has a fixed length at the end, so a promoCodeId that
 * itself holds a "|" is still read back unambiguously.
 */
public record UsageKey(String promoCodeId, LocalDate day) implements Comparable<UsageKey> {
    private static final char SEPARATOR = '|';
    private static final int DAY_LENGTH = "yyyy-MM-dd".length();
    private static final Comparator<UsageKey> ORDER = Comparator.comparing(UsageKey::promoCodeId)
            .thenComparing(UsageKey::day);

    public String topicKey() {
        return promoCodeId + SEPARATOR + day;
    }

    /** The key read from the topic, or an IllegalArgumentException for one of another shape. */
    public static UsageKey parse(String topicKey) {
        int separator = topicKey.length() - DAY_LENGTH - 1;
        if (separator < 0 || topicKey.charAt(separator) != SEPARATOR) {
            throw new IllegalArgumentException("not a promo-code-usage key (promoCodeId|yyyy-MM-dd): " + topicKey);
        }
        return new UsageKey(topicKey.substring(0, separator), LocalDate.parse(topicKey.substring(separator + 1)));
    }

    /** SPEC's order of usage lines: by promoCodeId, then day. */
    @Override
    public int compareTo(UsageKey other) {
        return ORDER.compare(this, other);
    }
}
