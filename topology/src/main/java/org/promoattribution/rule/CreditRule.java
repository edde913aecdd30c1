package org.promoattribution.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/**
 * The credit rule of SPEC.md, section "The rule", steps 1, 2, 5 and 6, for one conversion.
 * Step 3 (untracked clicks) decides what enters the click log; step 4 (matching codes)
 * produces the matched codes this rule receives. A pure function: no Kafka, no clock.
 */
public final class CreditRule {

    private CreditRule() {
    }

    /** One referral window for every partner: a program without commission terms. */
    public static Verdict decide(Instant conversionTime, Duration referralWindow, ClickLog clicks, List<CodeMatch> matched) {
        return decide(new ClickHistory(clicks, ReferralWindows.uniform(referralWindow), conversionTime), matched);
    }

    /**
     * @param history H: the session's tracked clicks in the conversion's program, each partner's
     *                window applied (step 1)
     * @param matched M: the matched (code, definition) pairs in the order typed
     */
    public static Verdict decide(ClickHistory history, List<CodeMatch> matched) {
        // 2. Winning click W: last click wins; ties go to the later arrival (the log's order).
        Optional<TrackedClick> winner = history.winner();

        // 5 + 6a. The first matched code that earns credit.
        for (CodeMatch match : matched) {
            String partner = match.partnerId();
            switch (match.definition().creditPolicy()) {
                case ALWAYS -> {
                    return new Verdict(Outcome.CREDITED, Reason.PROMO_CODE_ALWAYS, partner, Basis.PROMO_CODE, match, null);
                }
                case IF_INVOLVED -> {
                    Optional<TrackedClick> partnerClick = history.latestOf(partner);
                    if (partnerClick.isPresent()) {
                        return new Verdict(Outcome.CREDITED, Reason.PROMO_CODE_INVOLVED, partner, Basis.PROMO_CODE,
                                match, partnerClick.get());
                    }
                }
                case IF_WINNER -> {
                    if (winner.isPresent() && winner.get().partnerId().equals(partner)) {
                        return new Verdict(Outcome.CREDITED, Reason.PROMO_CODE_WINNER, partner, Basis.PROMO_CODE,
                                match, winner.get());
                    }
                }
            }
        }

        CodeMatch first = matched.isEmpty() ? null : matched.get(0);
        if (first == null && winner.isPresent()) {
            // 6b. No code matched: last click wins.
            return new Verdict(Outcome.CREDITED, Reason.LAST_CLICK, winner.get().partnerId(), Basis.CLICK,
                    null, winner.get());
        }
        if (first != null && winner.isPresent()) {
            // 6c. The codes belong to other partners: the winning partner's sale is invalid.
            return new Verdict(Outcome.INVALID, Reason.PROMO_CODE_OF_OTHER_PARTNER, winner.get().partnerId(),
                    Basis.CLICK, first, winner.get());
        }
        if (first != null) {
            // 6d. Codes matched, none earned credit, and there is no click.
            return new Verdict(Outcome.UNATTRIBUTED, Reason.PROMO_CODE_POLICY_NOT_MET, null, null, first, null);
        }
        // 6e.
        return new Verdict(Outcome.UNATTRIBUTED, Reason.NO_CLICK_NO_CODE, null, null, null, null);
    }
}
