package org.promoattribution.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/** The demo's tables: decisions by outcome and reason, then by partner. */
final class DecisionSummary {
    private final Map<Reason, Outcome> outcomes = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> byReason = new EnumMap<>(Reason.class);
    private final Map<String, PartnerCounts> byPartner = new HashMap<>();
    private long total;

    private static final class PartnerCounts {
        long byCode;
        long byClick;
        long invalid;

        long credited() {
            return byCode + byClick;
        }
    }

    void add(AttributionDecision decision) {
        total++;
        outcomes.put(decision.getReason(), decision.getOutcome());
        byReason.merge(decision.getReason(), 1L, Long::sum);
        if (decision.getPartnerId() == null) {
            return;
        }
        PartnerCounts counts = byPartner.computeIfAbsent(decision.getPartnerId(), p -> new PartnerCounts());
        if (decision.getOutcome() == Outcome.INVALID) {
            counts.invalid++;
        } else if (decision.getBasis() == Basis.PROMO_CODE) {
            counts.byCode++;
        } else {
            counts.byClick++;
        }
    }

    void print(PrintWriter out) {
        out.printf("%-13s %-28s %8s %7s%n", "outcome", "reason", "orders", "share");
        byReason.forEach((reason, count) -> out.printf("%-13s %-28s %,8d %6.1f%%%n", outcomes.get(reason), reason,
                count, 100.0 * count / total));
        out.printf("%-13s %-28s %,8d %6.1f%%%n%n", "", "total", total, 100.0);

        out.printf("%-16s %9s %8s %9s %8s%n", "partner", "credited", "by code", "by click", "invalid");
        List<Map.Entry<String, PartnerCounts>> partners = new ArrayList<>(byPartner.entrySet());
        partners.sort(Comparator.<Map.Entry<String, PartnerCounts>>comparingLong(e -> -e.getValue().credited())
                .thenComparing(Map.Entry::getKey));
        partners.forEach(e -> out.printf("%-16s %,9d %,8d %,9d %,8d%n", e.getKey(), e.getValue().credited(),
                e.getValue().byCode, e.getValue().byClick, e.getValue().invalid));
    }
}
