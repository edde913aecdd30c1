package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.Fixtures;

/** The demo's decisions in plain words. */
class DecisionStoryTest {
    private final DecisionStory story = new DecisionStory(Map.of(
            "pc-1", Fixtures.exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER),
            "pc-2", Fixtures.regex("pc-2", "VIP[0-9]{3}", "news", CreditPolicy.IF_INVOLVED)),
            program -> Duration.ofDays(30));

    private static AttributionDecision.Builder decision(String id, Outcome outcome, Reason reason) {
        return AttributionDecision.newBuilder().setConversionId(id).setProgramId("acme").setSessionId("s1")
                .setTimestamp(Instant.parse("2026-06-01T10:05:00Z")).setOutcome(outcome).setReason(reason)
                .setDecidedAt(Instant.parse("2026-06-01T10:05:01Z"));
    }

    @Test
    void aCodeOfTheWinningPartner() {
        AttributionDecision d = decision("o-1", Outcome.CREDITED, Reason.PROMO_CODE_WINNER).setPartnerId("blog")
                .setBasis(Basis.PROMO_CODE).setPromoCodeId("pc-1").setPromoCode("summer10").setClickId("c-9")
                .setClickTimestamp(Instant.parse("2026-06-01T10:00:00Z")).setAmount(new BigDecimal("59.9000"))
                .setCurrency("USD").build();

        assertThat(story.explain(d)).isEqualTo("Order o-1 (59.90 USD): Credited to blog because the code \"summer10\" "
                + "matched promo code pc-1 of blog (policy IF_WINNER) and blog has the winning click, the latest in the "
                + "30-day referral window (click c-9 at 2026-06-01T10:00:00Z).");
    }

    @Test
    void aSaleMadeInvalidByAnotherPartnersCode() {
        AttributionDecision d = decision("o-2", Outcome.INVALID, Reason.PROMO_CODE_OF_OTHER_PARTNER)
                .setPartnerId("blog").setBasis(Basis.CLICK).setPromoCodeId("pc-2").setPromoCode("VIP123")
                .setClickId("c-9").setClickTimestamp(Instant.parse("2026-06-01T10:00:00Z")).build();

        assertThat(story.explain(d)).isEqualTo("Order o-2: Invalid sale of blog: blog has the winning click "
                + "(click c-9 at 2026-06-01T10:00:00Z), but the code \"VIP123\" matched promo code pc-2 of news, "
                + "another partner, and no matched code earned credit under its policy.");
    }

    @Test
    void noClickAndOnlyUnknownCodes() {
        AttributionDecision d = decision("o-3", Outcome.UNATTRIBUTED, Reason.NO_CLICK_NO_CODE)
                .setUnmatchedCodes(List.of("FREESHIP7")).build();

        assertThat(story.explain(d)).isEqualTo("Order o-3: Not attributed: session s1 has no tracked click in the "
                + "30-day referral window and no code typed matched a live promo code. Matching no live promo code of "
                + "program acme: \"FREESHIP7\".");
    }

    @Test
    void examplesTellEachReasonOnceBeforeRepeatingOne() {
        AttributionDecision a = decision("o-1", Outcome.CREDITED, Reason.LAST_CLICK).build();
        AttributionDecision b = decision("o-2", Outcome.CREDITED, Reason.LAST_CLICK).build();
        AttributionDecision c = decision("o-3", Outcome.UNATTRIBUTED, Reason.NO_CLICK_NO_CODE).build();
        AttributionDecision d = decision("o-4", Outcome.UNATTRIBUTED, Reason.NO_CLICK_NO_CODE).build();

        assertThat(DecisionStory.examples(List.of(a, b, c, d), 3)).containsExactly(a, c, b);
    }

    @Test
    void aDefinitionNotInTheTableIsToldByItsTypedCode() {
        AttributionDecision d = decision("o-5", Outcome.UNATTRIBUTED, Reason.PROMO_CODE_POLICY_NOT_MET)
                .setPromoCodeId("pc-9").setPromoCode("GONE").build();

        assertThat(story.explain(d)).contains("the code \"GONE\" matched promo code pc-9 of an unknown partner");
    }
}
