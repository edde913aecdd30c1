package org.promoattribution.rule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The tracked clicks of one session in one program. "Latest" means the greatest timestamp,
 * and among equal timestamps the click that arrived later (SPEC rule 2): the order of
 * {@link #latestFirst}, which each log keeps its own way; choosing from it is written once, here.
 */
public interface ClickLog {

    /**
     * The clicks with {@code from <= timestamp <= to}, latest first in SPEC rule 2's order. The
     * caller closes the stream: a log may read them lazily from a store.
     */
    Stream<TrackedClick> latestFirst(Instant from, Instant to);

    /** The latest click with {@code from <= timestamp <= to} that passes {@code filter}. */
    default Optional<TrackedClick> latestWhere(Instant from, Instant to, Predicate<TrackedClick> filter) {
        try (Stream<TrackedClick> clicks = latestFirst(from, to)) {
            return clicks.filter(filter).findFirst();
        }
    }

    /** Up to {@code limit} clicks with {@code from <= timestamp <= to}, latest first (the first is the winning click). */
    default List<TrackedClick> latestIn(Instant from, Instant to, int limit) {
        try (Stream<TrackedClick> clicks = latestFirst(from, to)) {
            return clicks.limit(limit).toList();
        }
    }

    /** The latest click with {@code from <= timestamp <= to}. */
    default Optional<TrackedClick> latest(Instant from, Instant to) {
        return latestWhere(from, to, click -> true);
    }

    /** The latest click of {@code partnerId} with {@code from <= timestamp <= to}. */
    default Optional<TrackedClick> latestOf(String partnerId, Instant from, Instant to) {
        return latestWhere(from, to, click -> click.partnerId().equals(partnerId));
    }

    /** A conversion without a session has no clicks. */
    ClickLog EMPTY = (from, to) -> Stream.empty();
}
