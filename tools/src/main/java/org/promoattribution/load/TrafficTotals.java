package org.promoattribution.load;

import java.util.Locale;
import org.promoattribution.simulate.SimEvent;

/** What a generator has emitted so far: distinct events and deliveries repeated on top. */
public final class TrafficTotals {
    private long clicks;
    private long duplicateClicks;
    private long conversions;
    private long duplicateConversions;
    private long adjustments;

    void count(SimEvent event, boolean duplicate) {
        if (event.kind() == SimEvent.Kind.ADJUSTMENT) {
            adjustments++;
            return;
        }
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

    /** Distinct adjustments: how many adjustment decisions the pipeline owes. */
    public long adjustments() {
        return adjustments;
    }

    /** Every record emitted, duplicates included. */
    public long events() {
        return clicks + duplicateClicks + conversions + duplicateConversions + adjustments;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d clicks (+%,d sent twice), %,d orders (+%,d sent twice)",
                clicks, duplicateClicks, conversions, duplicateConversions)
                + (adjustments == 0 ? "" : String.format(Locale.ROOT, ", %,d adjustments", adjustments));
    }
}
