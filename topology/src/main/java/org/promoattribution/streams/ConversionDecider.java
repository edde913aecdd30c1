package org.promoattribution.streams;

import java.time.Instant;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.MatchResult;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.rule.ClickLog;
import org.promoattribution.rule.CreditRule;
import org.promoattribution.rule.Verdict;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;

/** Gathers a conversion's inputs (click log, matched codes), applies the credit rule, and writes the decision record. */
final class ConversionDecider {
    private final PromoCodeIndex codes;
    private final ClickHistoryStore history;
    private final AttributionConfig config;

    ConversionDecider(PromoCodeIndex codes, ClickHistoryStore history, AttributionConfig config) {
        this.codes = codes;
        this.history = history;
        this.config = config;
    }

    AttributionDecision decide(Conversion conversion, Instant decidedAt) {
        Instant t = conversion.getTimestamp();
        String session = conversion.getSessionId();
        ClickLog clicks = session == null || session.isEmpty()
                ? ClickLog.EMPTY
                : history.log(SessionKey.of(session, conversion.getProgramId()));
        MatchResult matches = codes.match(conversion.getProgramId(), conversion.getPromoCodes(), t);
        Verdict verdict = CreditRule.decide(t, config.referralWindow(conversion.getProgramId()), clicks,
                matches.matched());
        return toRecord(conversion, verdict, matches, decidedAt);
    }

    private static AttributionDecision toRecord(Conversion conversion, Verdict verdict, MatchResult matches,
                                                Instant decidedAt) {
        CodeMatch code = verdict.code();
        return AttributionDecision.newBuilder()
                .setConversionId(conversion.getConversionId())
                .setProgramId(conversion.getProgramId())
                .setSessionId(conversion.getSessionId())
                .setTimestamp(conversion.getTimestamp())
                .setAmount(conversion.getAmount())
                .setCurrency(conversion.getCurrency())
                .setOutcome(verdict.outcome())
                .setReason(verdict.reason())
                .setPartnerId(verdict.partnerId())
                .setBasis(verdict.basis())
                .setPromoCodeId(code == null ? null : code.definition().promoCodeId())
                .setPromoCode(code == null ? null : code.code())
                .setDealId(code == null ? null : code.definition().dealId())
                .setClickId(verdict.click() == null ? null : verdict.click().clickId())
                .setClickTimestamp(verdict.click() == null ? null : verdict.click().timestamp())
                .setUnmatchedCodes(matches.unmatched())
                .setDecidedAt(decidedAt)
                .build();
    }
}
