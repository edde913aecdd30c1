package org.promoattribution.codes;

import com.google.re2j.Pattern;
import java.time.Instant;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;

/**
 * A validated promo-code definition, ready to match: EXACT codes carry their case-folded
 * form, REGEX codes their compiled RE2 pattern and literal prefix.
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
        Pattern pattern) {

    public boolean isLiveAt(Instant t) {
        return schedule.contains(t);
    }

    /** Whole-match for REGEX (case-sensitive), equality after simple case folding for EXACT. */
    public boolean matches(String trimmedCode) {
        return matchType == MatchType.REGEX
                ? WholeMatch.matches(pattern, trimmedCode)
                : TypedCodes.caseFold(code).equals(TypedCodes.caseFold(trimmedCode));
    }

    /** A string every code this definition matches starts with ("" when none is known). */
    public String literalPrefix() {
        return matchType == MatchType.REGEX ? LiteralPrefix.of(code) : code;
    }
}
