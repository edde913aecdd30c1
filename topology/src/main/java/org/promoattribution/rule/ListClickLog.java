package org.promoattribution.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A click log held in a list: for tests and benchmarks, and for clicks another log has listed already. */
public final class ListClickLog implements ClickLog {
    private final List<TrackedClick> latestFirst;

    /** @param inArrivalOrder the session's clicks in the order they arrived */
    public ListClickLog(List<TrackedClick> inArrivalOrder) {
        List<TrackedClick> sorted = new ArrayList<>(inArrivalOrder);
        Collections.reverse(sorted); // latest arrival first; the stable sort keeps it first among equal timestamps
        sorted.sort(Comparator.comparing(TrackedClick::timestamp).reversed());
        this.latestFirst = List.copyOf(sorted);
    }

    private ListClickLog(List<TrackedClick> latestFirst, Void inOrder) {
        this.latestFirst = List.copyOf(latestFirst);
    }

    /** @param latestFirst clicks in rule 2's order already, as {@link #latestFirst(Instant, Instant)} lists them */
    public static ListClickLog ofLatestFirst(List<TrackedClick> latestFirst) {
        return new ListClickLog(latestFirst, null);
    }

    @Override
    public Stream<TrackedClick> latestFirst(Instant from, Instant to) {
        return latestFirst.stream()
                .dropWhile(click -> click.timestamp().isAfter(to))
                .takeWhile(click -> !click.timestamp().isBefore(from));
    }
}
