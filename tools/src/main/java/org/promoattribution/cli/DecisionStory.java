package org.promoattribution.cli;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.promoattribution.explain.ReasonText;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;

/** The demo's decisions told in plain words ({@link ReasonText}), for readers who do not know SPEC rule 6 by heart. */
final class DecisionStory {
    private final Map<String, PromoCode> codesById;
    private final Function<String, Duration> referralWindow;

    /**
     * @param codesById      the definitions the decisions were made with, for the codes' partners and policies
     * @param referralWindow each program's referral window
     */
    DecisionStory(Map<String, PromoCode> codesById, Function<String, Duration> referralWindow) {
        this.codesById = codesById;
        this.referralWindow = referralWindow;
    }

    /** Up to {@code count} decisions worth telling: one of each reason first, then the next ones. */
    static List<AttributionDecision> examples(Collection<AttributionDecision> decisions, int count) {
        List<AttributionDecision> chosen = new ArrayList<>();
        Set<Reason> told = EnumSet.noneOf(Reason.class);
        for (AttributionDecision decision : decisions) {
            if (chosen.size() < count && told.add(decision.getReason())) {
                chosen.add(decision);
            }
        }
        for (AttributionDecision decision : decisions) {
            if (chosen.size() < count && !chosen.contains(decision)) {
                chosen.add(decision);
            }
        }
        return chosen;
    }

    String explain(AttributionDecision d) {
        PromoCode code = d.getPromoCodeId() == null ? null : codesById.get(d.getPromoCodeId());
        return "Order " + d.getConversionId() + amount(d) + ": "
                + ReasonText.of(d, referralWindow.apply(d.getProgramId()), code);
    }

    private static String amount(AttributionDecision d) {
        return d.getAmount() == null ? ""
                : " (" + d.getAmount().setScale(2, RoundingMode.HALF_UP) + " " + d.getCurrency() + ")";
    }
}
