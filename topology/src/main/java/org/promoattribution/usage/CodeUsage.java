package org.promoattribution.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.rule.ClickHistory;
import org.promoattribution.rule.Verdict;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Outcome;

/**
 * SPEC "Promo-code usage and leaks", the counting side: what one decided conversion adds to the
 * figures of each distinct definition in M. A pure function beside the credit rule, which it
 * does not change: no Kafka, no clock.
 */
public final class CodeUsage {

    private CodeUsage() {
    }

    /**
     * @param conversionTime t, the conversion's event time: its UTC date is the figures' day
     * @param history        H (rule 1)
     * @param matched        M, the matched pairs in the order typed
     * @param verdict        the decision the credit rule made from them
     */
    public static List<UsageContribution> of(Instant conversionTime, ClickHistory history, List<CodeMatch> matched,
                                             Verdict verdict) {
        if (matched.isEmpty()) {
            return List.of();
        }
        LocalDate day = LocalDate.ofInstant(conversionTime, ZoneOffset.UTC);
        String creditedId = verdict.basis() == Basis.PROMO_CODE ? verdict.code().definition().promoCodeId() : null;
        boolean invalid = verdict.outcome() == Outcome.INVALID;
        Set<String> seen = new HashSet<>();
        List<UsageContribution> contributions = new ArrayList<>(matched.size());
        for (CodeMatch match : matched) {
            CodeDefinition definition = match.definition();
            if (seen.add(definition.promoCodeId())) {
                boolean withoutOwnerClick = history.latestOf(definition.partnerId()).isEmpty();
                contributions.add(UsageContribution.oneUse(new UsageKey(definition.promoCodeId(), day),
                        definition.programId(), definition.partnerId(), definition.promoCodeId().equals(creditedId),
                        invalid, withoutOwnerClick, definition.creditPolicy() == CreditPolicy.ALWAYS));
            }
        }
        return contributions;
    }
}
