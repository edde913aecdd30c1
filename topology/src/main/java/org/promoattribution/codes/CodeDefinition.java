package org.promoattribution.codes;

import java.time.Instant;
import org.promoattribution.codes.regex.RegexAutomaton;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;

/**
 * A validated promo-code definition, ready to match: EXACT codes trimmed, REGEX codes as written
 * with their automaton (null for EXACT).
 */
public record CodeDefinition(
        String promoCodeId,
        String programId,
        String partnerId,
        String code,
        MatchType matchType,
        CreditPolicy creditPolicy,
        String dealId,
        Schedule schedule,
        RegexAutomaton regex) {

    public boolean isLiveAt(Instant t) {
        return schedule.contains(t);
    }

    /** Whole-match for REGEX (case-sensitive), equality after simple case folding for EXACT. */
    public boolean matches(String trimmedCode) {
        return matchType == MatchType.REGEX
                ? regex.matches(trimmedCode)
                : TypedCodes.caseFold(code).equals(TypedCodes.caseFold(trimmedCode));
    }

    /** The same definition matching by another form of its automaton. */
    CodeDefinition withRegex(RegexAutomaton form) {
        return new CodeDefinition(promoCodeId, programId, partnerId, code, matchType, creditPolicy, dealId, schedule,
                form);
    }
}
