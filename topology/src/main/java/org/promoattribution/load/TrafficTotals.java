package org.promoattribution.load;

import java.util.Locale;
import org.promoattribution.simulate.SimEvent;

/** What a generator has emitted so far: distinct events and deliveries repeated on top. */
public final class TrafficTotals {
    private long clicks;
    private long duplicateClicks;
    private long conversions;
    private long duplicateConversions;

    void count(SimEvent event, boolean duplicate) {
        boolean click = event.kind() == SimEvent.Kind.CLICK;
        if (duplicate) {
            if (click) {
                duplicateClicks++;
            } else {
                duplicateConversions++;
            }
        } else if (click) {
            clicks++;
        } else {
            conversions++;
        }
    }

    /** Distinct clicks. */
    public long clicks() {
        return clicks;
    }

    public long duplicateClicks() {
        return duplicateClicks;
    }

    /** Distinct conversions: how many decisions the pipeline owes. */
    public long conversions() {
        return conversions;
    }

    public long duplicateConversions() {
        return duplicateConversions;
    }

    /** Every record emitted, duplicates included. */
    public long events() {
        return clicks + duplicateClicks + conversions + duplicateConversions;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d clicks (+%,d sent twice), %,d orders (+%,d sent twice)",
                clicks, duplicateClicks, conversions, duplicateConversions);
    }
}
