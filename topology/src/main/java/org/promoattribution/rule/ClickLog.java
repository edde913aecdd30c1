package org.promoattribution.rule;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tracked clicks of one session in one program. "Latest" means the greatest timestamp,
 * and among equal timestamps the click that arrived later (SPEC rule 2).
 */
public interface ClickLog {

    /** The latest click with {@code from <= timestamp <= to} that passes {@code filter}. */
    Optional<TrackedClick> latestWhere(Instant from, Instant to, Predicate<TrackedClick> filter);

    /** The latest click with {@code from <= timestamp <= to}. */
    default Optional<TrackedClick> latest(Instant from, Instant to) {
        return latestWhere(from, to, click -> true);
    }

    /** The latest click of {@code partnerId} with {@code from <= timestamp <= to}. */
    default Optional<TrackedClick> latestOf(String partnerId, Instant from, Instant to) {
        return latestWhere(from, to, click -> click.partnerId().equals(partnerId));
    }

    /** A conversion without a session has no clicks. */
    ClickLog EMPTY = (from, to, filter) -> Optional.empty();
}
