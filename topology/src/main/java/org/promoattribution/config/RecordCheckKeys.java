package org.promoattribution.config;

import org.promoattribution.validation.EventTimes;
import org.promoattribution.validation.RecordLimits;

/** The keys of SPEC "Limits" and "Time", under the names the checks report. */
public final class RecordCheckKeys {
    static final OwnedKeys KEYS = OwnedKeys.of("record checks", "conversion.", "event.time.")
            .define(RecordLimits.MAX_CODES, Parsers::positiveInt, String.valueOf(RecordLimits.DEFAULT_MAX_CODES),
                    "more promo codes than this on one order is LIMIT_EXCEEDED")
            .define(RecordLimits.MAX_ITEMS, Parsers::positiveInt, String.valueOf(RecordLimits.DEFAULT_MAX_ITEMS),
                    "more line items than this on one order is LIMIT_EXCEEDED")
            .define(EventTimes.MAX_AHEAD, Parsers::nonNegativeDuration, EventTimes.DEFAULT_MAX_AHEAD.toString(),
                    "an event time later than the wall clock + this is INVALID_TIMESTAMP");

    private RecordCheckKeys() {
    }
}
