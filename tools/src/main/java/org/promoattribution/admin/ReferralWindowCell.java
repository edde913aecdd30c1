package org.promoattribution.admin;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A referral window as a terms sheet gives it: an ISO-8601 duration as SPEC "Commission" writes
 * it (P30D, P2W, PT12H), or a count and a unit ("30 days", "2 weeks", "12 h"); a bare whole
 * number is days, as in "a 30-day cookie". The result is the ISO-8601 text the terms carry;
 * whether it is within range is the pipeline's check.
 */
final class ReferralWindowCell {
    private static final Pattern COUNTED = Pattern.compile("([0-9]{1,9})\\s*([a-z]*)");

    private ReferralWindowCell() {
    }

    static String parse(String cell, String field) {
        String value = cell.trim();
        if (value.isEmpty()) {
            return null;
        }
        if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            return value.toUpperCase(Locale.ROOT);
        }
        Matcher counted = COUNTED.matcher(value.toLowerCase(Locale.ROOT));
        if (!counted.matches()) {
            throw notAWindow(field, value);
        }
        String count = counted.group(1).replaceFirst("^0+(?=.)", "");
        return switch (counted.group(2)) {
            case "", "d", "day", "days" -> "P" + count + "D";
            case "w", "wk", "week", "weeks" -> "P" + count + "W";
            case "h", "hr", "hour", "hours" -> "PT" + count + "H";
            case "min", "minute", "minutes" -> "PT" + count + "M";
            case "m", "mo", "month", "months", "y", "year", "years" -> throw new IllegalArgumentException(field + ": \""
                    + value + "\": months and years are not durations (their length varies); write days, e.g. 30 days");
            default -> throw notAWindow(field, value);
        };
    }

    private static IllegalArgumentException notAWindow(String field, String value) {
        return new IllegalArgumentException(field + ": \"" + value + "\" is not a duration such as 30 days, 2 weeks, "
                + "12 hours or P30D");
    }
}
