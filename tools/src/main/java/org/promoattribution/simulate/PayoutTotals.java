package org.promoattribution.simulate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.promoattribution.payouts.PayoutLine;

/** SPEC C5's lines summed over months (and programs, as the key says): a partner's totals of a period. */
public final class PayoutTotals {
    private PayoutTotals() {
    }

    /** The lines summed per {@code key}, in key order; each total keeps its first line's program and month. */
    public static <K extends Comparable<K>> Map<K, PayoutLine> by(List<PayoutLine> lines, Function<PayoutLine, K> key) {
        Map<K, PayoutLine> totals = new TreeMap<>();
        lines.forEach(line -> totals.merge(key.apply(line), line, PayoutTotals::sum));
        return totals;
    }

    private static PayoutLine sum(PayoutLine a, PayoutLine b) {
        return new PayoutLine(a.programId(), a.partnerId(), a.month(), a.credited() + b.credited(),
                a.amount().add(b.amount()), a.commission().add(b.commission()), a.reversed() + b.reversed(),
                a.locked().add(b.locked()));
    }
}
