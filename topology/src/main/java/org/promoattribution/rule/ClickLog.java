package org.promoattribution.rule;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tracked clicks of one session in one program. "Latest" means the greatest timestamp,
 * and among equal timestamps the click that arrived later (SPEC rule 2): the order of
 * {@link #latestFirst}, which each log keeps its own way; choosing from it is written once, in
 * {@link ClickHistory}.
 */
public interface ClickLog {

    /**
     * The clicks with {@code from <= timestamp <= to}, latest first in SPEC rule 2's order. The
     * caller closes the stream: a log may read them lazily from a store.
     */
    Stream<TrackedClick> latestFirst(Instant from, Instant to);

    /**
     * The latest click of {@code partnerId} with {@code from <= timestamp <= to}; a log that knows
     * which partners it holds may answer without reading the others' clicks.
     */
    default Optional<TrackedClick> latestOf(String partnerId, Instant from, Instant to) {
        try (Stream<TrackedClick> clicks = latestFirst(from, to)) {
            return clicks.filter(click -> click.partnerId().equals(partnerId)).findFirst();
        }
    }

    /** A conversion without a session has no clicks. */
    ClickLog EMPTY = (from, to) -> Stream.empty();
}
