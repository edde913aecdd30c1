package org.promoattribution.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.MatchResult;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.codes.TypedCodes;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.explain.Explanation;
import org.promoattribution.rule.ClickLog;
import org.promoattribution.rule.CreditRule;
import org.promoattribution.rule.Sessions;
import org.promoattribution.rule.TrackedClick;
import org.promoattribution.rule.Verdict;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.state.ClickHistoryStore;
import org.promoattribution.state.SessionKey;
import org.promoattribution.usage.CodeUsage;
import org.promoattribution.usage.UsageContribution;

/**
 * Gathers a conversion's inputs (click log, matched codes), applies the credit rule, and writes
 * the decision record, its explanation and its usage contributions.
 */
final class ConversionDecider {
    private final PromoCodeIndex codes;
    private final ClickHistoryStore history;
    private final AttributionConfig config;

    ConversionDecider(PromoCodeIndex codes, ClickHistoryStore history, AttributionConfig config) {
        this.codes = codes;
        this.history = history;
        this.config = config;
    }

    DecidedConversion decide(Conversion conversion, Instant decidedAt) {
        Instant t = conversion.getTimestamp();
        String session = conversion.getSessionId();
        boolean hasSession = Sessions.given(session);
        SessionKey key = hasSession ? SessionKey.of(session, conversion.getProgramId()) : null;
        ClickLog clicks = hasSession ? history.log(key) : ClickLog.EMPTY;
        MatchResult matches = codes.match(conversion.getProgramId(), conversion.getPromoCodes(), t);
        Duration window = config.referralWindow(conversion.getProgramId());
        Verdict verdict = CreditRule.decide(t, window, clicks, matches.matched());
        AttributionDecision decision = toRecord(conversion, verdict, matches, decidedAt);

        // One more than kept, to tell whether older clicks were left out.
        List<TrackedClick> inWindow = clicks.latestIn(t.minus(window), t, Explanation.MAX_CLICKS + 1);
        return new DecidedConversion(decision, explain(conversion, window, inWindow, matches),
                CodeUsage.of(t, window, clicks, matches.matched(), verdict));
    }

    /** What the decision was made from, for explain; the decision itself is kept beside it. */
    private static Explanation.Inputs explain(Conversion conversion, Duration window, List<TrackedClick> inWindow,
                                              MatchResult matches) {
        Instant t = conversion.getTimestamp();
        boolean more = inWindow.size() > Explanation.MAX_CLICKS;
        List<TrackedClick> listed = more ? inWindow.subList(0, Explanation.MAX_CLICKS) : inWindow;
        Map<String, CodeDefinition> matchedBy = matches.matched().stream()
                .collect(Collectors.toMap(CodeMatch::code, CodeMatch::definition));
        List<Explanation.TypedCode> typed = TypedCodes.distinctTrimmed(conversion.getPromoCodes()).stream()
                .map(code -> typedCode(code, matchedBy.get(code)))
                .toList();
        return new Explanation.Inputs(window, t.minus(window), t, List.copyOf(listed), more,
                listed.isEmpty() ? null : listed.get(0), typed);
    }

    private static Explanation.TypedCode typedCode(String code, CodeDefinition definition) {
        return definition == null
                ? new Explanation.TypedCode(code, false, null, null, null, null, null)
                : new Explanation.TypedCode(code, true, definition.promoCodeId(), definition.partnerId(),
                        definition.creditPolicy(), definition.matchType(), definition.dealId());
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
