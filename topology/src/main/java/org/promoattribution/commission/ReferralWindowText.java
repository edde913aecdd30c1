package org.promoattribution.commission;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SPEC "Commission": a terms' referralWindow is an ISO-8601 duration, {@code PnW} alone or
 * {@code PnDTnHnMn.nS}, a day being 24 hours, fractions on seconds only and cut to the
 * millisecond; months and years are not durations (their length varies), nor are signs.
 */
public final class ReferralWindowText {
    private static final Pattern WEEKS = Pattern.compile("P(\\d{1,7})W");
    /** Duration.parse's own grammar without signs (it takes "-P1D" and "P-1D") and without fractions off seconds. */
    private static final Pattern DAY_TIME = Pattern.compile(
            "P(?:\\d{1,9}D)?(?:T(?:\\d{1,12}H)?(?:\\d{1,14}M)?(?:\\d{1,16}(?:[.,]\\d{1,9})?S)?)?");

    private ReferralWindowText() {
    }

    /** The duration written, cut to the millisecond; IllegalArgumentException saying why when it is not one. */
    public static Duration parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        var weeks = WEEKS.matcher(upper);
        if (weeks.matches()) {
            return Duration.ofDays(7L * Long.parseLong(weeks.group(1)));
        }
        if (!DAY_TIME.matcher(upper).matches() || upper.equals("P") || upper.endsWith("T")) {
            throw new IllegalArgumentException("referralWindow " + shown(text) + " is not an ISO-8601 duration"
                    + " PnW or PnDTnHnMn.nS (months and years are not durations)");
        }
        try {
            return Duration.parse(upper).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("referralWindow " + shown(text) + " is not a duration: "
                    + e.getMessage());
        }
    }

    private static String shown(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
