package org.promoattribution.commission;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC "Commission": a terms' referralWindow is an ISO-8601 duration, {@code PnW} alone or
 * {@code PnDTnHnMn.nS}, a day being 24 hours, fractions on seconds only and cut to the
 * millisecond; months and years are not durations (their length varies), nor are signs.
 * <p>
 * Read by hand rather than by {@code Duration.parse}: that takes signs ("-P1D", "P-1D") and
 * fractions of at most 9 digits, where SPEC sets no limit on digits but cuts to the millisecond.
 * Any number of digits is read (leading zeros included) without parsing more than a long holds.
 */
public final class ReferralWindowText {
    private static final Pattern WEEKS = Pattern.compile("P(\\d+)W");
    private static final Pattern DAY_TIME = Pattern.compile(
            "P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:[.,](\\d+))?S)?)?");
    private static final long DAY_MS = 86_400_000L;

    private ReferralWindowText() {
    }

    /** The duration written, cut to the millisecond; IllegalArgumentException saying why when it is not one. */
    public static Duration parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        try {
            Matcher weeks = WEEKS.matcher(upper);
            if (weeks.matches()) {
                return Duration.ofMillis(Math.multiplyExact(number(weeks.group(1)), 7 * DAY_MS));
            }
            Matcher parts = DAY_TIME.matcher(upper);
            if (!parts.matches() || upper.equals("P") || upper.endsWith("T")) {
                throw new IllegalArgumentException("referralWindow " + shown(text) + " is not an ISO-8601 duration"
                        + " PnW or PnDTnHnMn.nS (months and years are not durations)");
            }
            long millis = Math.multiplyExact(number(parts.group(1)), DAY_MS);
            millis = Math.addExact(millis, Math.multiplyExact(number(parts.group(2)), 3_600_000L));
            millis = Math.addExact(millis, Math.multiplyExact(number(parts.group(3)), 60_000L));
            millis = Math.addExact(millis, Math.multiplyExact(number(parts.group(4)), 1_000L));
            return Duration.ofMillis(Math.addExact(millis, fractionMillis(parts.group(5))));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("referralWindow " + shown(text) + " is longer than any window");
        }
    }

    /** The digits' value, 0 when absent; ArithmeticException past a long (leading zeros do not count). */
    private static long number(String digits) {
        if (digits == null) {
            return 0;
        }
        String significant = digits.replaceFirst("^0+", "");
        if (significant.length() > 18) {
            throw new ArithmeticException("too many digits");
        }
        return significant.isEmpty() ? 0 : Long.parseLong(significant);
    }

    /** The first three digits of a fraction of a second, as milliseconds: the rest is cut. */
    private static long fractionMillis(String digits) {
        if (digits == null) {
            return 0;
        }
        String millis = (digits + "00").substring(0, 3);
        return Long.parseLong(millis);
    }

    private static String shown(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
