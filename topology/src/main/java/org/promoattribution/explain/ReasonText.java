package org.promoattribution.explain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.promoattribution.explain.Explanation.Decision;
import org.promoattribution.explain.Explanation.TypedCode;
import org.promoattribution.rule.Sessions;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.PromoCode;

/**
 * A decision's reason in plain words, "Credited to blog because ...", for every reason of SPEC
 * rule 6: the one wording of the explain page and the command line alike.
 */
public final class ReasonText {
    private ReasonText() {
    }

    /** From an explanation the pipeline kept. */
    public static String of(Explanation e) {
        Decision d = e.decision();
        TypedCode code = e.inputs().codes().stream()
                .filter(c -> c.matched() && c.promoCodeId().equals(d.promoCodeId()))
                .findFirst().orElse(null);
        return of(e.programId(), e.sessionId(), d, e.inputs().referralWindow(), code, !e.inputs().codes().isEmpty())
                + commission(d, e.currency());
    }

    /**
     * From a decision as written to its outcome topic.
     *
     * @param referralWindow its program's referral window
     * @param definition     the definition of the code it names, or null when it names none or it is not known
     */
    public static String of(AttributionDecision d, Duration referralWindow, PromoCode definition) {
        TypedCode code = d.getPromoCodeId() == null ? null : definition == null
                ? new TypedCode(d.getPromoCode(), true, d.getPromoCodeId(), null, null, null, null)
                : new TypedCode(d.getPromoCode(), true, definition.getPromoCodeId(), definition.getPartnerId(),
                        definition.getCreditPolicy(), definition.getMatchType(), definition.getDealId());
        // Where a reason tells whether codes were typed, none matched: the typed ones are the unmatched ones.
        return of(d.getProgramId(), d.getSessionId(), Decision.of(d), referralWindow, code,
                d.getPromoCode() != null || !d.getUnmatchedCodes().isEmpty()) + commission(Decision.of(d), d.getCurrency());
    }

    /** What the credit is worth (SPEC C2), when terms were in force; nothing to say otherwise. */
    private static String commission(Decision d, String currency) {
        if (d.commission() == null) {
            return "";
        }
        BigDecimal shown = d.commission().stripTrailingZeros();
        return " Commission " + (shown.scale() < 2 ? shown.setScale(2) : shown).toPlainString()
                + (currency == null ? "" : " " + currency) + " under terms " + d.termsId() + ".";
    }

    /** @param code the matched code the decision names, or null */
    private static String of(String programId, String sessionId, Decision d, Duration referralWindow, TypedCode code,
                             boolean codesTyped) {
        String window = window(referralWindow);
        String sentence = switch (d.reason()) {
            case PROMO_CODE_ALWAYS -> "Credited to " + d.partnerId() + " because " + code(code)
                    + ", whose policy ALWAYS earns credit whatever the clicks.";
            case PROMO_CODE_INVOLVED -> "Credited to " + d.partnerId() + " because " + code(code)
                    + " (policy IF_INVOLVED) and " + d.partnerId() + " has a click in the " + window
                    + " (" + click(d) + ").";
            case PROMO_CODE_WINNER -> "Credited to " + d.partnerId() + " because " + code(code)
                    + " (policy IF_WINNER) and " + d.partnerId() + " has the winning click, the latest in the "
                    + window + " (" + click(d) + ").";
            case LAST_CLICK -> "Credited to " + d.partnerId() + " because it has the last click in the " + window
                    + " (" + click(d) + ") and " + noCodeMatched(codesTyped) + ".";
            case PROMO_CODE_OF_OTHER_PARTNER -> "Invalid sale of " + d.partnerId() + ": " + d.partnerId()
                    + " has the winning click (" + click(d) + "), but " + code(code)
                    + ", another partner, and no matched code earned credit under its policy.";
            case PROMO_CODE_POLICY_NOT_MET -> "Not attributed: " + code(code) + " (policy " + known(code.creditPolicy())
                    + "), but " + noClick(sessionId, window) + ", so no matched code earned credit.";
            case NO_CLICK_NO_CODE -> "Not attributed: " + noClick(sessionId, window) + " and "
                    + noCodeMatched(codesTyped) + ".";
        };
        return sentence + unmatched(programId, d.unmatchedCodes());
    }

    private static String code(TypedCode code) {
        return "the code \"" + code.code() + "\" matched promo code " + code.promoCodeId() + " of "
                + (code.partnerId() == null ? "an unknown partner" : code.partnerId());
    }

    /** A definition the command line no longer finds. */
    private static String known(Object value) {
        return value == null ? "unknown" : value.toString();
    }

    private static String click(Decision d) {
        return "click " + d.clickId() + " at " + d.clickTimestamp();
    }

    private static String noClick(String sessionId, String window) {
        return Sessions.given(sessionId)
                ? "session " + sessionId + " has no tracked click in the " + window
                : "the conversion has no session (so no clicks)";
    }

    private static String noCodeMatched(boolean codesTyped) {
        return codesTyped ? "no code typed matched a live promo code" : "no promo code was typed";
    }

    private static String unmatched(String programId, List<String> codes) {
        if (codes.isEmpty()) {
            return "";
        }
        return " Matching no live promo code of program " + programId + ": "
                + codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")) + ".";
    }

    /** "30-day referral window", or the ISO duration when it is not whole days. */
    private static String window(Duration window) {
        boolean wholeDays = window.equals(Duration.ofDays(window.toDays()));
        return (wholeDays ? window.toDays() + "-day" : window.toString()) + " referral window";
    }
}
