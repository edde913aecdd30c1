package org.promoattribution.codes;

import java.time.Instant;

/** When a promo code is live: validFrom inclusive, validTo exclusive, a missing bound open. */
public record Schedule(Instant validFrom, Instant validTo) {
    public static final Schedule ALWAYS_LIVE = new Schedule(null, null);

    public boolean contains(Instant t) {
        return (validFrom == null || !t.isBefore(validFrom)) && (validTo == null || t.isBefore(validTo));
    }
}
