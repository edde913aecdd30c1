package org.promoattribution.cli;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;

/** A decision told in plain words, for readers who do not know SPEC rule 6 by heart. */
final class DecisionStory {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final Map<String, PromoCode> codesById;

    /** @param codesById the definitions the decisions were made with, for the codes' partners and policies */
    DecisionStory(Map<String, PromoCode> codesById) {
        this.codesById = codesById;
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
        String partner = d.getPartnerId();
        String click = d.getClickId() + " at " + time(d.getClickTimestamp());
        PromoCode code = d.getPromoCodeId() == null ? null : codesById.get(d.getPromoCodeId());
        String why = switch (d.getReason()) {
            case PROMO_CODE_ALWAYS -> "credited to partner " + partner + " because the code " + code(d, code)
                    + " is theirs, and an ALWAYS code earns credit whoever sent the clicks.";
            case PROMO_CODE_INVOLVED -> "credited to partner " + partner + " because the code " + code(d, code)
                    + " is theirs and they sent click " + click + " in this session.";
            case PROMO_CODE_WINNER -> "credited to partner " + partner + " because the code " + code(d, code)
                    + " belongs to the partner of the last click " + click + ".";
            case LAST_CLICK -> "credited to partner " + partner + " for the last click " + click
                    + (d.getUnmatchedCodes().isEmpty() ? "; the order had no promo code."
                    : "; no live promo code matched " + d.getUnmatchedCodes() + ".");
            case PROMO_CODE_OF_OTHER_PARTNER -> "invalid for partner " + partner + ": their click " + click
                    + " was the last, but the order used the code " + code(d, code) + " of partner "
                    + owner(code) + ", so this sale is not theirs to claim.";
            case PROMO_CODE_POLICY_NOT_MET -> "not attributed: the code " + code(d, code) + " of partner "
                    + owner(code) + " matched, but its policy needs a click and the session has no tracked click.";
            case NO_CLICK_NO_CODE -> "not attributed: no tracked click in the referral window and "
                    + (d.getUnmatchedCodes().isEmpty() ? "no promo code."
                    : "no live promo code among " + d.getUnmatchedCodes() + ".");
        };
        return "Order " + d.getConversionId() + amount(d) + ": " + why;
    }

    /** As typed, with what it matched when that is not plain to see, and the policy. */
    private static String code(AttributionDecision d, PromoCode code) {
        String typed = d.getPromoCode();
        if (code == null) {
            return typed;
        }
        String matched = code.getMatchType() == MatchType.REGEX ? "pattern " + code.getCode() + ", "
                : code.getCode().equals(typed) ? "" : code.getCode() + ", ";
        return typed + " (" + matched + code.getCreditPolicy() + ")";
    }

    private static String owner(PromoCode code) {
        return code == null ? "unknown" : code.getPartnerId();
    }

    private static String time(Instant instant) {
        return instant == null ? "?" : TIME.format(instant);
    }

    private static String amount(AttributionDecision d) {
        return d.getAmount() == null ? ""
                : " (" + d.getAmount().setScale(2, RoundingMode.HALF_UP) + " " + d.getCurrency() + ")";
    }
}
