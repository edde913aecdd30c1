package org.promoattribution.simulate;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * SPEC "Time": instants are read to the millisecond, as Avro's timestamp-millis carries them;
 * finer digits are dropped (toward the past: {@code 10:00:00.0009Z} is {@code 10:00:00.000Z}).
 * Every instant {@code simulate} reads (event times, schedules, --now) is read here.
 */
public final class Instants {
    private Instants() {
    }

    /**
     * @param iso an ISO-8601 instant, with Z or an offset
     * @throws java.time.format.DateTimeParseException when it is not one
     * @throws ArithmeticException when epoch milliseconds in a long cannot hold it
     */
    public static Instant parse(String iso) {
        return Instant.ofEpochMilli(OffsetDateTime.parse(iso).toInstant().toEpochMilli());
    }
}
