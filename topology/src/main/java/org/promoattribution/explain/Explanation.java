package org.promoattribution.explain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.promoattribution.rule.TrackedClick;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;
import org.promoattribution.state.StoreNames;

/**
 * Why a conversion was decided as it was: the decision and the inputs the decider saw, captured
 * when it decided (the session's history moves on afterwards). Kept by conversionId for
 * explain.retention in the {@link StoreNames#EXPLANATIONS} store.
 */
public record Explanation(
        String conversionId,
        String programId,
        String sessionId,
        Instant conversionTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, // as text: exact, as money must be
        String currency,
        Instant decidedAt,
        Decision decision,
        Inputs inputs) {

    /** The clicks in the window kept with an explanation: the latest ones, enough to read the decision. */
    public static final int MAX_CLICKS = 20;

    /**
     * Codes longer than this are cut in an explanation, which holds each code twice, escaped as
     * JSON (up to six bytes a character): 100 codes of 1,000 characters would outgrow Kafka's
     * record size limit, and a reader needs only the start of a pasted page to see what it was.
     */
    public static final int MAX_CODE_CHARS = 200;

    static String shown(String code) {
        return code == null || code.length() <= MAX_CODE_CHARS || isShown(code)
                ? code
                : code.substring(0, MAX_CODE_CHARS) + "… (" + code.length() + " characters)";
    }

    /** Already cut (a stored explanation keeps its codes cut): cutting again would count the cut. */
    private static boolean isShown(String code) {
        return code.charAt(MAX_CODE_CHARS) == '…' && code.endsWith(" characters)");
    }

    /**
     * What was decided, as explain keeps and shows it: the AttributionDecision written to the outcome
     * topic, less what the explanation holds already, with its codes cut to {@link #MAX_CODE_CHARS}.
     */
    public record Decision(
            Outcome outcome,
            Reason reason,
            String partnerId,
            Basis basis,
            String promoCodeId,
            String promoCode,
            String dealId,
            String clickId,
            Instant clickTimestamp,
            List<String> unmatchedCodes,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal commission,
            String termsId) {

        public Decision {
            promoCode = shown(promoCode);
            unmatchedCodes = unmatchedCodes.stream().map(Explanation::shown).toList();
        }

        public static Decision of(AttributionDecision d) {
            return new Decision(d.getOutcome(), d.getReason(), d.getPartnerId(), d.getBasis(), d.getPromoCodeId(),
                    d.getPromoCode(), d.getDealId(), d.getClickId(), d.getClickTimestamp(),
                    List.copyOf(d.getUnmatchedCodes()), d.getCommission(), d.getTermsId());
        }
    }

    /**
     * What it was decided from (SPEC "The rule").
     *
     * @param referralWindow     window(X) of the decision's partner, else of a partner without own terms (rule 1)
     * @param windowFrom         t less the longest window of any partner: where clicks were looked for
     * @param clicksInWindow     H: the session's tracked clicks in [windowFrom, windowTo], latest first,
     *                           at most {@link #MAX_CLICKS}
     * @param moreClicksInWindow whether H holds older clicks than those listed
     * @param winningClick       W, the latest click in H, or null
     * @param codes              each code typed, trimmed and without repeats, in order, with what it matched
     */
    public record Inputs(
            Duration referralWindow,
            Instant windowFrom,
            Instant windowTo,
            List<TrackedClick> clicksInWindow,
            boolean moreClicksInWindow,
            TrackedClick winningClick,
            List<TypedCode> codes) {
    }

    /** A typed code and the live definition it matched (SPEC rule 4); the definition's fields are null when none. */
    public record TypedCode(
            String code,
            boolean matched,
            String promoCodeId,
            String partnerId,
            CreditPolicy creditPolicy,
            MatchType matchType,
            String dealId) {

        public TypedCode {
            code = shown(code);
        }
    }
}
