package org.promoattribution.validation;

import org.promoattribution.deadletter.DeadLetterReason;
import com.google.re2j.PatternSyntaxException;
import java.time.Instant;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.Schedule;
import org.promoattribution.codes.TypedCodes;
import org.promoattribution.codes.regex.AutomatonTooLarge;
import org.promoattribution.codes.regex.RegexAutomaton;
import org.promoattribution.config.CodeTableSettings;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;

/**
 * Turns a PromoCode record into a matchable {@link CodeDefinition}, or says why it cannot. A
 * REGEX definition is compiled to its automaton here, within {@code regex.max.states}.
 */
public final class CodeDefinitions {
    /** With SPEC's default limits: what the tools check before they write a definition. */
    public static final CodeDefinitions DEFAULT = new CodeDefinitions(CodeTableSettings.DEFAULT_REGEX_MAX_STATES);

    private final int regexMaxStates;

    public CodeDefinitions(int regexMaxStates) {
        this.regexMaxStates = regexMaxStates;
    }

    /** {@link #check} with the default limits. */
    public static CodeDefinition from(PromoCode promoCode) {
        return DEFAULT.check(promoCode);
    }

    public CodeDefinition check(PromoCode promoCode) {
        RecordChecks.requireId("promoCodeId", promoCode.getPromoCodeId());
        RecordChecks.requireId("programId", promoCode.getProgramId());
        RecordChecks.requireText("code", promoCode.getCode());
        RecordChecks.requireId("partnerId", promoCode.getPartnerId());
        RecordLimits.shortText("dealId", promoCode.getDealId());
        // SPEC rule 4: an EXACT code is trimmed as typed codes are, and one that is nothing but what
        // trimming takes (a no-break space) is as blank as an empty one; a pattern is used as written.
        String code = promoCode.getMatchType() == MatchType.REGEX ? promoCode.getCode()
                : TypedCodes.trim(promoCode.getCode());
        RecordChecks.requireText("code", code);
        if (RecordLimits.length(code) > RecordLimits.MAX_CODE_LENGTH) {
            throw new InvalidRecordException(DeadLetterReason.PATTERN_TOO_LONG, "code is " + RecordLimits.length(code)
                    + " characters long; at most " + RecordLimits.MAX_CODE_LENGTH + " are allowed");
        }
        RegexAutomaton regex = promoCode.getMatchType() == MatchType.REGEX ? compile(code) : null;
        Instant from = promoCode.getValidFrom();
        Instant to = promoCode.getValidTo();
        EventTimes.scheduleBound("validFrom", from);
        EventTimes.scheduleBound("validTo", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRecordException(DeadLetterReason.INVALID_SCHEDULE,
                    "validFrom " + from + " is not before validTo " + to);
        }
        return new CodeDefinition(promoCode.getPromoCodeId(), promoCode.getProgramId(), promoCode.getPartnerId(),
                code, promoCode.getMatchType(), promoCode.getCreditPolicy(), promoCode.getDealId(),
                new Schedule(from, to), regex);
    }

    private RegexAutomaton compile(String regex) {
        try {
            return RegexAutomaton.compile(regex, regexMaxStates);
        } catch (PatternSyntaxException e) {
            throw new InvalidRecordException(DeadLetterReason.INVALID_PATTERN,
                    "not a valid RE2 pattern: " + e.getMessage(), e);
        } catch (AutomatonTooLarge e) {
            throw new InvalidRecordException(DeadLetterReason.INVALID_PATTERN,
                    "pattern too large: " + e.getMessage(), e);
        }
    }
}
