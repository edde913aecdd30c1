package org.promoattribution.ops;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.promoattribution.explain.Explanation;
import org.promoattribution.explain.Explanation.Decision;
import org.promoattribution.explain.Explanation.TypedCode;

/** A decision in plain words, from its explanation: "Credited to blog because ...". */
final class ExplanationText {
    private ExplanationText() {
    }

    static String of(Explanation e) {
        Decision d = e.decision();
        String window = window(e.inputs().referralWindow());
        String sentence = switch (d.reason()) {
            case PROMO_CODE_ALWAYS -> "Credited to " + d.partnerId() + " because " + code(e)
                    + ", whose policy ALWAYS earns credit whatever the clicks.";
            case PROMO_CODE_INVOLVED -> "Credited to " + d.partnerId() + " because " + code(e)
                    + " (policy IF_INVOLVED) and " + d.partnerId() + " has a click in the " + window
                    + " (" + click(d) + ").";
            case PROMO_CODE_WINNER -> "Credited to " + d.partnerId() + " because " + code(e)
                    + " (policy IF_WINNER) and " + d.partnerId() + " has the winning click, the latest in the "
                    + window + " (" + click(d) + ").";
            case LAST_CLICK -> "Credited to " + d.partnerId() + " because it has the last click in the " + window
                    + " (" + click(d) + ") and " + noCodeMatched(e) + ".";
            case PROMO_CODE_OF_OTHER_PARTNER -> "Invalid sale of " + d.partnerId() + ": " + d.partnerId()
                    + " has the winning click (" + click(d) + "), but " + code(e)
                    + ", another partner, and no matched code earned credit under its policy.";
            case PROMO_CODE_POLICY_NOT_MET -> "Not attributed: " + code(e) + " (policy " + codeOf(e).creditPolicy()
                    + "), but " + noClick(e, window) + ", so no matched code earned credit.";
            case NO_CLICK_NO_CODE -> "Not attributed: " + noClick(e, window) + " and " + noCodeMatched(e) + ".";
        };
        return sentence + unmatched(e);
    }

    /** The first matched code: the one named in the decision. */
    private static TypedCode codeOf(Explanation e) {
        return e.inputs().codes().stream()
                .filter(c -> c.matched() && c.promoCodeId().equals(e.decision().promoCodeId()))
                .findFirst().orElseThrow();
    }

    private static String code(Explanation e) {
        TypedCode code = codeOf(e);
        return "the code \"" + code.code() + "\" matched promo code " + code.promoCodeId() + " of " + code.partnerId();
    }

    private static String click(Decision d) {
        return "click " + d.clickId() + " at " + d.clickTimestamp();
    }

    private static String noClick(Explanation e, String window) {
        return e.sessionId() == null || e.sessionId().isEmpty()
                ? "the conversion has no session (so no clicks)"
                : "session " + e.sessionId() + " has no tracked click in the " + window;
    }

    private static String noCodeMatched(Explanation e) {
        return e.inputs().codes().isEmpty() ? "no promo code was typed" : "no code typed matched a live promo code";
    }

    private static String unmatched(Explanation e) {
        List<String> codes = e.decision().unmatchedCodes();
        if (codes.isEmpty()) {
            return "";
        }
        return " Matching no live promo code of program " + e.programId() + ": "
                + codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")) + ".";
    }

    /** "30-day referral window", or the ISO duration when it is not whole days. */
    private static String window(Duration window) {
        boolean wholeDays = window.equals(Duration.ofDays(window.toDays()));
        return (wholeDays ? window.toDays() + "-day" : window.toString()) + " referral window";
    }
}
