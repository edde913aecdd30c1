package org.promoattribution.rule;

import java.time.Instant;
import java.util.Optional;

/**
 * The tracked clicks of one session in one program. "Latest" means the greatest timestamp,
 * and among equal timestamps the click that arrived later (SPEC rule 2).
 */
public interface ClickLog {

    /** The latest click with {@code from <= timestamp <= to}. */
    Optional<TrackedClick> latest(Instant from, Instant to);

    /** The latest click of {@code partnerId} with {@code from <= timestamp <= to}. */
    Optional<TrackedClick> latestOf(String partnerId, Instant from, Instant to);

    /** A conversion without a session has no clicks. */
    ClickLog EMPTY = new ClickLog() {
        @Override
        public Optional<TrackedClick> latest(Instant from, Instant to) {
            return Optional.empty();
        }

        @Override
        public Optional<TrackedClick> latestOf(String partnerId, Instant from, Instant to) {
            return Optional.empty();
        }
    };
}
