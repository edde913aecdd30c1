package org.promoattribution.simulate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * SPEC "Time": instants are read to the millisecond, as Avro's timestamp-millis carries them;
 * finer digits are dropped (toward the past: {@code 10:00:00.0009Z} is {@code 10:00:00.000Z}).
 * Every instant {@code simulate} reads (event times, schedules, --now) is read here.
 * <p>
 * A year past 9999 written without ISO-8601's "+" ({@code 10000-01-01T00:00:00Z}) is read as
 * that year, so that it reaches the checks that say what is wrong with it (INVALID_SCHEDULE,
 * INVALID_TIMESTAMP) rather than being unreadable.
 */
public final class Instants {
    private static final Pattern UNSIGNED_LONG_YEAR = Pattern.compile("\\d{5,}-.*");

    private Instants() {
    }

    /**
     * @param iso an ISO-8601 instant, with Z or an offset
     * @throws java.time.format.DateTimeParseException when it is not one
     * @throws ArithmeticException when epoch milliseconds in a long cannot hold it
     */
    public static Instant parse(String iso) {
        String signed = UNSIGNED_LONG_YEAR.matcher(iso).matches() ? "+" + iso : iso;
        return Instant.ofEpochMilli(OffsetDateTime.parse(signed).toInstant().toEpochMilli());
    }
}
