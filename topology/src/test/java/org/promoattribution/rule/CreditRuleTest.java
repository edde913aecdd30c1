package org.promoattribution.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.Schedule;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/** SPEC "The rule", steps 1, 2, 5 and 6, on the pure rule without Kafka. */
class CreditRuleTest {
    private static final Instant T = Instant.parse("2026-06-01T10:05:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private final List<TrackedClick> clicks = new ArrayList<>();

    private TrackedClick click(String id, String partner, Instant at) {
        TrackedClick click = new TrackedClick(id, partner, at);
        clicks.add(click);
        return click;
    }

    private static CodeMatch code(String id, String partner, CreditPolicy policy) {
        return new CodeMatch("CODE-" + id, new CodeDefinition(id, "acme", partner, "CODE-" + id, MatchType.EXACT,
                policy, "deal-" + id, Schedule.ALWAYS_LIVE, null));
    }

    private Verdict decide(CodeMatch... matched) {
        return CreditRule.decide(T, WINDOW, new ListClickLog(clicks), List.of(matched));
    }

    @Test
    void rule6_noClickAndNoCode_isUnattributed() {
        assertThat(decide()).isEqualTo(new Verdict(Outcome.UNATTRIBUTED, Reason.NO_CLICK_NO_CODE, null, null, null, null));
    }

    @Test
    void rule6_lastClickWinsWhenNoCodeMatched() {
        click("c1", "blog", T.minusSeconds(600));
        TrackedClick last = click("c2", "coupons", T.minusSeconds(60));
        click("c0", "news", T.minusSeconds(900)); // arrived last, happened first

        assertThat(decide()).isEqualTo(new Verdict(Outcome.CREDITED, Reason.LAST_CLICK, "coupons", Basis.CLICK, null, last));
    }

    @Test
    void rule1_clickExactlyAtWindowStartCounts_oneMillisecondEarlierDoesNot() {
        TrackedClick atStart = click("c1", "blog", T.minus(WINDOW));
        assertThat(decide().click()).isEqualTo(atStart);

        clicks.clear();
        click("c1", "blog", T.minus(WINDOW).minusMillis(1));
        assertThat(decide().reason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
    }

    @Test
    void rule1_clickAtConversionTimeCounts_clickAfterItDoesNot() {
        TrackedClick atT = click("c1", "blog", T);
        click("c2", "coupons", T.plusMillis(1));
        assertThat(decide().click()).isEqualTo(atT);
    }

    @Test
    void rule2_tieOnTimestampGoesToTheLaterArrival() {
        click("c1", "blog", T.minusSeconds(60));
        TrackedClick later = click("c2", "coupons", T.minusSeconds(60));
        assertThat(decide().click()).isEqualTo(later);
    }

    @Test
    void rule5_alwaysCodeEarnsCreditWithoutAnyClick() {
        CodeMatch always = code("pc-1", "influencer", CreditPolicy.ALWAYS);
        assertThat(decide(always)).isEqualTo(new Verdict(Outcome.CREDITED, Reason.PROMO_CODE_ALWAYS, "influencer",
                Basis.PROMO_CODE, always, null));
    }

    @Test
    void rule5_alwaysCodeEarnsCreditEvenWhenAnotherPartnerWon() {
        click("c1", "blog", T.minusSeconds(60));
        CodeMatch always = code("pc-1", "influencer", CreditPolicy.ALWAYS);
        assertThat(decide(always).partnerId()).isEqualTo("influencer");
        assertThat(decide(always).click()).isNull();
    }

    @Test
    void rule5_ifInvolvedEarnsCreditWithThePartnersLatestClick() {
        click("c1", "blog", T.minusSeconds(600));
        TrackedClick blogLatest = click("c2", "blog", T.minusSeconds(300));
        click("c3", "coupons", T.minusSeconds(60)); // the winner, another partner
        CodeMatch involved = code("pc-1", "blog", CreditPolicy.IF_INVOLVED);

        assertThat(decide(involved)).isEqualTo(new Verdict(Outcome.CREDITED, Reason.PROMO_CODE_INVOLVED, "blog",
                Basis.PROMO_CODE, involved, blogLatest));
    }

    @Test
    void rule5_ifInvolvedNeedsAClickInsideTheWindow() {
        click("c1", "blog", T.minus(WINDOW).minusSeconds(1));
        click("c2", "blog", T.plusSeconds(1));
        CodeMatch involved = code("pc-1", "blog", CreditPolicy.IF_INVOLVED);

        assertThat(decide(involved)).isEqualTo(new Verdict(Outcome.UNATTRIBUTED, Reason.PROMO_CODE_POLICY_NOT_MET,
                null, null, involved, null));
    }

    @Test
    void rule5_ifWinnerEarnsCreditWhenThePartnerOwnsTheWinningClick() {
        click("c1", "coupons", T.minusSeconds(600));
        TrackedClick winner = click("c2", "blog", T.minusSeconds(60));
        CodeMatch ifWinner = code("pc-1", "blog", CreditPolicy.IF_WINNER);

        assertThat(decide(ifWinner)).isEqualTo(new Verdict(Outcome.CREDITED, Reason.PROMO_CODE_WINNER, "blog",
                Basis.PROMO_CODE, ifWinner, winner));
    }

    @Test
    void rule6_codeOfAnotherPartnerMakesTheWinnersSaleInvalid() {
        click("c1", "blog", T.minusSeconds(600)); // involved, but IF_WINNER needs the win
        TrackedClick winner = click("c2", "coupons", T.minusSeconds(60));
        CodeMatch ifWinner = code("pc-1", "blog", CreditPolicy.IF_WINNER);

        assertThat(decide(ifWinner)).isEqualTo(new Verdict(Outcome.INVALID, Reason.PROMO_CODE_OF_OTHER_PARTNER,
                "coupons", Basis.CLICK, ifWinner, winner));
    }

    @Test
    void rule6_policyNotMetWithoutClicksIsUnattributedWithTheFirstCode() {
        CodeMatch first = code("pc-1", "blog", CreditPolicy.IF_WINNER);
        CodeMatch second = code("pc-2", "news", CreditPolicy.IF_INVOLVED);

        assertThat(decide(first, second)).isEqualTo(new Verdict(Outcome.UNATTRIBUTED,
                Reason.PROMO_CODE_POLICY_NOT_MET, null, null, first, null));
    }

    @Test
    void rule6_theFirstCodeThatEarnsCreditWinsInTheOrderTyped() {
        TrackedClick winner = click("c1", "news", T.minusSeconds(60));
        CodeMatch notEarning = code("pc-1", "blog", CreditPolicy.IF_WINNER);
        CodeMatch earning = code("pc-2", "news", CreditPolicy.IF_WINNER);
        CodeMatch alsoEarning = code("pc-3", "influencer", CreditPolicy.ALWAYS);

        Verdict verdict = decide(notEarning, earning, alsoEarning);
        assertThat(verdict.reason()).isEqualTo(Reason.PROMO_CODE_WINNER);
        assertThat(verdict.code()).isEqualTo(earning);
        assertThat(verdict.click()).isEqualTo(winner);
    }

    @Test
    void rule6_invalidNamesTheFirstMatchedCodeEvenWhenLaterOnesAlsoFail() {
        click("c1", "coupons", T.minusSeconds(60));
        CodeMatch first = code("pc-9", "blog", CreditPolicy.IF_INVOLVED);
        CodeMatch second = code("pc-1", "news", CreditPolicy.IF_WINNER);

        assertThat(decide(first, second).code()).isEqualTo(first);
    }
}
