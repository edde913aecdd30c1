package org.promoattribution.rule;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * SPEC rule 1's H for a conversion at t: the session's tracked clicks with
 * t − window(X) ≤ click.timestamp ≤ t, X being the click's partner; and rule 2's choices in it.
 */
public final class ClickHistory {
    private final ClickLog clicks;
    private final ReferralWindows windows;
    private final Instant t;

    public ClickHistory(ClickLog clicks, ReferralWindows windows, Instant t) {
        this.clicks = clicks;
        this.windows = windows;
        this.t = t;
    }

    /** H, latest first in rule 2's order. The caller closes the stream. */
    public Stream<TrackedClick> latestFirst() {
        return clicks.latestFirst(t.minus(windows.longest()), t).filter(this::inWindow);
    }

    /** Rule 2: W, the latest click in H. */
    public Optional<TrackedClick> winner() {
        return latestWhere(click -> true);
    }

    /** The latest click of {@code partnerId} in H: the latest within that partner's own window. */
    public Optional<TrackedClick> latestOf(String partnerId) {
        return clicks.latestOf(partnerId, t.minus(windows.of(partnerId)), t);
    }

    private Optional<TrackedClick> latestWhere(Predicate<TrackedClick> filter) {
        try (Stream<TrackedClick> h = latestFirst()) {
            return h.filter(filter).findFirst();
        }
    }

    private boolean inWindow(TrackedClick click) {
        return !click.timestamp().isBefore(t.minus(windows.of(click.partnerId())));
    }
}
