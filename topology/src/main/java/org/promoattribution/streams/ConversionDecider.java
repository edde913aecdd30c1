package org.promoattribution.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.MatchResult;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.codes.TypedCodes;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.commission.ProgramTerms;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.explain.Explanation;
import org.promoattribution.rule.ClickHistory;
import org.promoattribution.rule.ClickLog;
import org.promoattribution.rule.Commission;
import org.promoattribution.rule.CommissionRule;
import org.promoattribution.rule.CreditRule;
import org.promoattribution.rule.ListClickLog;
import org.promoattribution.rule.ReferralWindows;
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
    private final CommissionTermsIndex terms;
    private final ClickHistoryStore history;
    private final AttributionConfig config;

    ConversionDecider(PromoCodeIndex codes, CommissionTermsIndex terms, ClickHistoryStore history,
                      AttributionConfig config) {
        this.codes = codes;
        this.terms = terms;
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
        // SPEC rule 9: the terms live now, read once for the whole decision.
        ProgramTerms programTerms = terms.program(conversion.getProgramId());
        ReferralWindows windows = ReferralWindows.at(programTerms, t, config.referralWindow(conversion.getProgramId()));
        ClickHistory stored = new ClickHistory(clicks, windows, t);
        List<TrackedClick> inWindow;
        try (Stream<TrackedClick> listed = stored.latestFirst()) {
            inWindow = listed.limit(Explanation.MAX_CLICKS + 1).toList(); // one more: were older ones left out?
        }
        // H read once from the store: when the explanation lists all of it, the rule reads the list.
        ClickHistory h = inWindow.size() > Explanation.MAX_CLICKS ? stored
                : new ClickHistory(ListClickLog.ofLatestFirst(inWindow), windows, t);
        Verdict verdict = CreditRule.decide(h, matches.matched());
        Commission commission = CommissionRule.of(verdict, programTerms.inForce(verdict.partnerId(), t),
                conversion.getAmount(), conversion.getItems());
        AttributionDecision decision = toRecord(conversion, verdict, matches, commission, decidedAt);
        Duration window = verdict.partnerId() == null ? windows.fallback() : windows.of(verdict.partnerId());
        return new DecidedConversion(decision, explain(conversion, window, windows.longest(), inWindow, matches),
                CodeUsage.of(t, h, matches.matched(), verdict), commission == null ? null : commission.flat());
    }

    /**
     * What the decision was made from, for explain; the decision itself is kept beside it.
     * @param window the decision's partner's referral window; clicks are listed from t − longest
     */
    private static Explanation.Inputs explain(Conversion conversion, Duration window, Duration longest,
                                              List<TrackedClick> inWindow, MatchResult matches) {
        Instant t = conversion.getTimestamp();
        boolean more = inWindow.size() > Explanation.MAX_CLICKS;
        List<TrackedClick> listed = more ? inWindow.subList(0, Explanation.MAX_CLICKS) : inWindow;
        Map<String, CodeDefinition> matchedBy = matches.matched().stream()
                .collect(Collectors.toMap(CodeMatch::code, CodeMatch::definition));
        List<Explanation.TypedCode> typed = TypedCodes.distinctTrimmed(conversion.getPromoCodes()).stream()
                .map(code -> typedCode(code, matchedBy.get(code)))
                .toList();
        return new Explanation.Inputs(window, t.minus(longest), t, List.copyOf(listed), more,
                listed.isEmpty() ? null : listed.get(0), typed);
    }

    private static Explanation.TypedCode typedCode(String code, CodeDefinition definition) {
        return definition == null
                ? new Explanation.TypedCode(code, false, null, null, null, null, null)
                : new Explanation.TypedCode(code, true, definition.promoCodeId(), definition.partnerId(),
                        definition.creditPolicy(), definition.matchType(), definition.dealId());
    }

    private static AttributionDecision toRecord(Conversion conversion, Verdict verdict, MatchResult matches,
                                                Commission commission, Instant decidedAt) {
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
                .setCommission(commission == null ? null : commission.value())
                .setTermsId(commission == null ? null : commission.termsId())
                .build();
    }
}
