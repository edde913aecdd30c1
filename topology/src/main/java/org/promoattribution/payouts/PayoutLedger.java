package org.promoattribution.payouts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Outcome;

/**
 * SPEC C5: sums the decisions and adjustment decisions the pipeline wrote into payout figures per
 * (programId, partnerId, month UTC of the conversion's event time). Fed in any order: an adjustment
 * read before its decision (two topics read side by side) still counts once the decision comes.
 * Each APPLIED adjustment decision carries the conversion's amount and commission after it, so the
 * last one read of a conversion is its standing (adjustments of a conversion are decided, and written
 * on its partition, in order; none is applied after a reversal). A conversion is known by programId
 * and conversionId (SPEC rule 7); a decision read again is counted once.
 */
public final class PayoutLedger {
    private final Map<ConversionKey, AttributionDecision> credited = new HashMap<>();
    private final Map<ConversionKey, AdjustmentDecision> lastApplied = new HashMap<>();

    private record ConversionKey(String programId, String conversionId) {
    }

    private record Group(String programId, String partnerId, YearMonth month) implements Comparable<Group> {
        private static final Comparator<Group> ORDER = Comparator.comparing(Group::programId)
                .thenComparing(Group::partnerId).thenComparing(Group::month);

        @Override
        public int compareTo(Group other) {
            return ORDER.compare(this, other);
        }
    }

    /** A decision of any outcome; only CREDITED ones make payouts. */
    public void decided(AttributionDecision decision) {
        if (decision.getOutcome() == Outcome.CREDITED) {
            credited.putIfAbsent(new ConversionKey(decision.getProgramId(), decision.getConversionId()), decision);
        }
    }

    /** An adjustment's decision; rejected ones change nothing. */
    public void adjusted(AdjustmentDecision adjustment) {
        if (adjustment.getStatus() == AdjustmentStatus.APPLIED) {
            ConversionKey key = new ConversionKey(adjustment.getProgramId(), adjustment.getConversionId());
            AdjustmentDecision earlier = lastApplied.get(key);
            // A reversal closes the conversion: nothing read after it reopens it.
            if (earlier == null || earlier.getReason() != AdjustmentReason.REVERSED) {
                lastApplied.put(key, adjustment);
            }
        }
    }

    /**
     * The figures, ordered by programId, partnerId, month.
     *
     * @param lockPeriod the lock.period of a program (SPEC A3)
     * @param now        what "now" is for locking: simulate's --now, the clock in {@code payouts}
     */
    public List<PayoutLine> lines(Function<String, Duration> lockPeriod, Instant now) {
        Map<Group, Sums> sums = new TreeMap<>();
        credited.forEach((key, decision) -> {
            AdjustmentDecision adjustment = lastApplied.get(key);
            BigDecimal amount = adjustment == null ? decision.getAmount() : adjustment.getAmount();
            BigDecimal commission = adjustment == null ? decision.getCommission() : adjustment.getCommission();
            boolean reversed = adjustment != null && adjustment.getReason() == AdjustmentReason.REVERSED;
            Instant t = decision.getTimestamp();
            boolean locked = t.plus(lockPeriod.apply(decision.getProgramId())).isBefore(now);
            Group group = new Group(decision.getProgramId(), decision.getPartnerId(),
                    YearMonth.from(t.atOffset(ZoneOffset.UTC)));
            sums.computeIfAbsent(group, g -> new Sums()).add(amount, commission, reversed, locked);
        });
        List<PayoutLine> lines = new ArrayList<>(sums.size());
        sums.forEach((group, s) -> lines.add(new PayoutLine(group.programId(), group.partnerId(), group.month(),
                s.credited, s.amount, s.commission, s.reversed, s.locked)));
        return lines;
    }

    private static final class Sums {
        long credited;
        long reversed;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;

        void add(BigDecimal orderAmount, BigDecimal orderCommission, boolean wasReversed, boolean isLocked) {
            credited++;
            reversed += wasReversed ? 1 : 0;
            if (orderAmount != null) {
                amount = amount.add(orderAmount);
            }
            if (orderCommission != null) {
                commission = commission.add(orderCommission);
                if (isLocked) {
                    locked = locked.add(orderCommission);
                }
            }
        }
    }
}
