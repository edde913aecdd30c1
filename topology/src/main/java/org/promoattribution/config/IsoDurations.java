package org.promoattribution.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ISO-8601 duration as every duration setting and option is written: {@code PnDTnHnMn.nS}
 * as {@link Duration#parse} reads it (a day being 24 hours), or {@code PnW} alone, n weeks of 7
 * days, which {@link Duration#parse} refuses though ISO-8601 and SPEC ("Commission") write it so.
 */
public final class IsoDurations {
    private static final Pattern WEEKS = Pattern.compile("([-+]?)P([-+]?\\d+)W", Pattern.CASE_INSENSITIVE);

    private IsoDurations() {
    }

    /** @throws DateTimeParseException when {@code text} is neither form, or its weeks overflow a Duration */
    public static Duration parse(CharSequence text) {
        Matcher weeks = WEEKS.matcher(text);
        if (!weeks.matches()) {
            return Duration.parse(text);
        }
        try {
            Duration parsed = Duration.ofDays(Math.multiplyExact(Long.parseLong(weeks.group(2)), 7));
            return weeks.group(1).equals("-") ? parsed.negated() : parsed;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DateTimeParseException("too many weeks for a duration", text, 0, e);
        }
    }
}
