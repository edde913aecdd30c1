package org.promoattribution.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.simulate.DecisionJson;

/** The demo's table of adjustments: by status and reason, and how much order value they took back. */
final class AdjustmentSummary {
    private final Map<String, Long> byStatusAndReason = new TreeMap<>();
    private BigDecimal before = BigDecimal.ZERO;
    private BigDecimal after = BigDecimal.ZERO;

    void add(AdjustmentDecision decision) {
        byStatusAndReason.merge(String.format("%-9s %s", decision.getStatus(), decision.getReason()), 1L, Long::sum);
        if (decision.getStatus() == AdjustmentStatus.APPLIED && decision.getPreviousAmount() != null) {
            before = before.add(decision.getPreviousAmount());
            after = after.add(decision.getAmount());
        }
    }

    void print(PrintWriter out) {
        out.printf("%-38s %8s%n", "adjustment (refunds, changes)", "count");
        byStatusAndReason.forEach((key, count) -> out.printf("%-38s %,8d%n", key, count));
        out.printf("Applied adjustments took the orders they touched from %s to %s.%n",
                DecisionJson.amount(before), DecisionJson.amount(after));
    }
}
