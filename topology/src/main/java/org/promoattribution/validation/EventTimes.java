package org.promoattribution.validation;

import org.promoattribution.deadletter.DeadLetterReason;
import java.time.Duration;
import java.time.Instant;
import org.promoattribution.config.OwnedKeys;
import org.promoattribution.config.Parsers;

/**
 * SPEC "Time": an event time must be plausible, so that one record from a broken clock cannot
 * move anyone's time; a schedule bound must be a calendar date a person could mean.
 */
public final class EventTimes {
    public static final String MAX_AHEAD = "event.time.max.ahead";
    /** The settings of these checks, read by {@link org.promoattribution.config.AttributionConfig}. */
    public static final OwnedKeys KEYS = OwnedKeys.of("event times", "event.time.")
            .define(MAX_AHEAD, Parsers::nonNegativeDuration, "PT1H",
                    "an event time later than the wall clock + this is INVALID_TIMESTAMP");
    public static final Instant SCHEDULE_MIN = Instant.EPOCH;
    /** The last millisecond of 9999-12-31 (UTC). */
    public static final Instant SCHEDULE_MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private final Duration maxAhead;

    public EventTimes(Duration maxAhead) {
        this.maxAhead = maxAhead;
    }

    /** The event time of a click, conversion or adjustment, against the wall clock {@code now}. */
    public void eventTime(Instant timestamp, Instant now) {
        if (timestamp.isBefore(Instant.EPOCH)) {
            throw new InvalidRecordException(DeadLetterReason.INVALID_TIMESTAMP,
                    "timestamp " + timestamp + " is before 1970-01-01T00:00:00Z");
        }
        if (Duration.between(now, timestamp).compareTo(maxAhead) > 0) {
            throw new InvalidRecordException(DeadLetterReason.INVALID_TIMESTAMP, "timestamp " + timestamp
                    + " is later than now (" + now + ") + " + MAX_AHEAD + " (" + maxAhead + ")");
        }
    }

    /** A validFrom or validTo of a promo code: null (open) or within 1970-01-01 to 9999-12-31. */
    public static void scheduleBound(String field, Instant bound) {
        if (bound != null && (bound.isBefore(SCHEDULE_MIN) || bound.isAfter(SCHEDULE_MAX))) {
            throw new InvalidRecordException(DeadLetterReason.INVALID_SCHEDULE,
                    field + " " + bound + " is outside 1970-01-01 to 9999-12-31");
        }
    }
}
