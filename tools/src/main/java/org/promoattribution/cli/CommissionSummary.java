package org.promoattribution.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.promoattribution.payouts.PayoutLedger;
import org.promoattribution.payouts.PayoutLine;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.simulate.DecisionJson;
import org.promoattribution.simulate.PayoutTotals;

/** The demo's table of commission per partner (SPEC C5's figures, every program and month together). */
final class CommissionSummary {
    private final PayoutLedger ledger = new PayoutLedger();

    void add(AttributionDecision decision) {
        ledger.decided(decision);
    }

    void add(AdjustmentDecision adjustment) {
        ledger.adjusted(adjustment);
    }

    void print(PrintWriter out) {
        Map<String, PayoutLine> byPartner = PayoutTotals.by(ledger.lines(program -> Duration.ZERO, Instant.EPOCH),
                PayoutLine::partnerId);
        out.printf("%-16s %9s %12s %11s%n", "partner", "credited", "order value", "commission");
        BigDecimal total = BigDecimal.ZERO;
        for (PayoutLine line : byPartner.values()) {
            out.printf("%-16s %,9d %12s %11s%n", line.partnerId(), line.credited(), DecisionJson.amount(line.amount()),
                    DecisionJson.amount(line.commission()));
            total = total.add(line.commission());
        }
        out.printf("Commission after refunds and changes: %s in all (bin/promo-attribution payouts has it per "
                + "program and month).%n", DecisionJson.amount(total));
    }
}
