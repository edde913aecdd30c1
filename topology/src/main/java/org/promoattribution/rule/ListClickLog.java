package org.promoattribution.rule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A click log held in a list in arrival order: for explanations and tests. */
public record ListClickLog(List<TrackedClick> inArrivalOrder) implements ClickLog {

    @Override
    public Optional<TrackedClick> latestWhere(Instant from, Instant to, Predicate<TrackedClick> filter) {
        TrackedClick latest = null;
        for (TrackedClick click : inArrivalOrder) {
            boolean inRange = !click.timestamp().isBefore(from) && !click.timestamp().isAfter(to);
            // !isBefore: a later arrival with an equal timestamp replaces the earlier one
            if (inRange && filter.test(click) && (latest == null || !click.timestamp().isBefore(latest.timestamp()))) {
                latest = click;
            }
        }
        return Optional.ofNullable(latest);
    }
}
