package org.promoattribution.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.promoattribution.simulate.DecisionJson;
import org.promoattribution.simulate.PartnerCommission;

/** A what-if as a table: per program and partner, commission now, under the new terms, the difference; then totals. */
public final class WhatIfReport {
    private static final List<String> HEADERS = List.of("PROGRAM", "PARTNER", "CREDITED", "COMMISSION NOW",
            "UNDER NEW TERMS", "DIFFERENCE");

    private WhatIfReport() {
    }

    public static String table(List<PartnerCommission> partners) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        long creditedNow = 0;
        long creditedProposed = 0;
        BigDecimal now = BigDecimal.ZERO;
        BigDecimal proposed = BigDecimal.ZERO;
        for (PartnerCommission p : partners) {
            rows.add(List.of(p.programId(), p.partnerId(), credited(p.creditedNow(), p.creditedProposed()),
                    DecisionJson.amount(p.now()), DecisionJson.amount(p.proposed()), signed(p.difference())));
            creditedNow += p.creditedNow();
            creditedProposed += p.creditedProposed();
            now = now.add(p.now());
            proposed = proposed.add(p.proposed());
        }
        rows.add(List.of("TOTAL", "", credited(creditedNow, creditedProposed), DecisionJson.amount(now),
                DecisionJson.amount(proposed), signed(proposed.subtract(now))));
        return TextTable.format(rows);
    }

    /** One count when the new terms credit as many orders, "now -> new" when their referral windows move credit. */
    private static String credited(long now, long proposed) {
        return now == proposed ? Long.toString(now) : now + " -> " + proposed;
    }

    private static String signed(BigDecimal difference) {
        return (difference.signum() > 0 ? "+" : "") + DecisionJson.amount(difference);
    }
}
