package org.promoattribution.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How declared keys read their values; each error names the key and what it expects. Public for
 * the owners of keys outside this package ({@code validation.RecordLimits}).
 */
public final class Parsers {
    private Parsers() {
    }

    static String text(String key, String value) {
        return value;
    }

    /** Text where blank means unset (a token or a file left empty in a template). */
    static String optionalText(String key, String value) {
        return value.isBlank() ? null : value;
    }

    static Path optionalPath(String key, String value) {
        return value.isBlank() ? null : Path.of(value);
    }

    static Duration positiveDuration(String key, String value) {
        Duration parsed = duration(key, value);
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration: " + value);
        }
        return parsed;
    }

    public static Duration nonNegativeDuration(String key, String value) {
        Duration parsed = duration(key, value);
        if (parsed.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative: " + value);
        }
        return parsed;
    }

    private static Duration duration(String key, String value) {
        try {
            return IsoDurations.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as P30D, P2W or PT10M: "
                    + value);
        }
    }

    public static int positiveInt(String key, String value) {
        return atLeast(key, value, 1, "a positive integer");
    }

    /** An integer of at least {@code min}. */
    static OwnedKeys.Parser<Integer> intAtLeast(int min) {
        return (key, value) -> atLeast(key, value, min, "an integer of at least " + min);
    }

    /** An integer from {@code min} to {@code max}. */
    static OwnedKeys.Parser<Integer> intBetween(int min, int max) {
        return (key, value) -> {
            int parsed = atLeast(key, value, min, "an integer from " + min + " to " + max);
            if (parsed > max) {
                throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max + ": " + value);
            }
            return parsed;
        };
    }

    private static int atLeast(String key, String value, int min, String expected) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be " + expected + ": " + value);
    }

    /** A TCP port; 0 asks the system for a free one (tests). */
    static int port(String key, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0 && parsed <= 65_535) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a port number from 0 to 65535: " + value);
    }

    static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false: " + value);
        };
    }

    /** A share, from 0 to 1 inclusive, exactly as written. */
    static BigDecimal ratio(String key, String value) {
        try {
            BigDecimal ratio = new BigDecimal(value.trim());
            if (ratio.signum() >= 0 && ratio.compareTo(BigDecimal.ONE) <= 0) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a number from 0 to 1: " + value);
    }

    /** Any number; the owner checks its range. */
    static long wholeNumber(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number: " + value);
        }
    }

    /** Any number; the owner checks its range. */
    static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number: " + value);
        }
    }
}
