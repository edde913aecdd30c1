package org.promoattribution.rule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** A click log held in a list in arrival order: for tests and benchmarks. */
public record ListClickLog(List<TrackedClick> inArrivalOrder) implements ClickLog {

    @Override
    public Stream<TrackedClick> latestFirst(Instant from, Instant to) {
        // Latest arrival first, then a stable sort by timestamp: equal timestamps keep the later arrival first.
        return IntStream.iterate(inArrivalOrder.size() - 1, i -> i >= 0, i -> i - 1).mapToObj(inArrivalOrder::get)
                .filter(click -> !click.timestamp().isBefore(from) && !click.timestamp().isAfter(to))
                .sorted(Comparator.comparing(TrackedClick::timestamp).reversed());
    }
}
