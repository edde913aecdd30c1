package org.promoattribution.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.testing.AttributionDriver;

/** Every reason of SPEC rule 6 in plain words, from explanations the topology kept (one session a test). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReasonTextTest {
    private final AttributionDriver driver = new AttributionDriver().codes(
            exact("pc-a", "ALWAYS5", "influencer", CreditPolicy.ALWAYS),
            exact("pc-i", "INVOLVED5", "blog", CreditPolicy.IF_INVOLVED),
            exact("pc-w", "WINNER5", "blog", CreditPolicy.IF_WINNER));

    @AfterAll
    void close() {
        driver.close();
    }

    private String textOf(Conversion conversion) {
        driver.conversions(conversion);
        return ReasonText.of(driver.explanation(conversion.getConversionId()));
    }

    @Test
    void promoCodeAlways() {
        assertThat(textOf(conversion("o1", "s1", "2026-06-01T10:05:00Z", "always5"))).isEqualTo(
                "Credited to influencer because the code \"always5\" matched promo code pc-a of influencer, "
                        + "whose policy ALWAYS earns credit whatever the clicks.");
    }

    @Test
    void promoCodeInvolved() {
        driver.clicks(click("c1", "s2", "blog", "2026-06-01T09:00:00Z"),
                click("c2", "s2", "news", "2026-06-01T10:00:00Z"));
        assertThat(textOf(conversion("o2", "s2", "2026-06-01T10:05:00Z", "INVOLVED5"))).isEqualTo(
                "Credited to blog because the code \"INVOLVED5\" matched promo code pc-i of blog (policy IF_INVOLVED) "
                        + "and blog has a click in the 30-day referral window (click c1 at 2026-06-01T09:00:00Z).");
    }

    @Test
    void promoCodeWinnerNamesTheUnmatchedCodes() {
        driver.clicks(click("c1", "s3", "blog", "2026-06-01T10:00:00Z"));
        assertThat(textOf(conversion("o3", "s3", "2026-06-01T10:05:00Z", "OOPS", "winner5"))).isEqualTo(
                "Credited to blog because the code \"winner5\" matched promo code pc-w of blog (policy IF_WINNER) "
                        + "and blog has the winning click, the latest in the 30-day referral window "
                        + "(click c1 at 2026-06-01T10:00:00Z). Matching no live promo code of program acme: \"OOPS\".");
    }

    @Test
    void lastClick() {
        driver.clicks(click("c1", "s4", "news", "2026-06-01T10:00:00Z"));
        assertThat(textOf(conversion("o4", "s4", "2026-06-01T10:05:00Z"))).isEqualTo(
                "Credited to news because it has the last click in the 30-day referral window "
                        + "(click c1 at 2026-06-01T10:00:00Z) and no promo code was typed.");
    }

    @Test
    void promoCodeOfOtherPartner() {
        driver.clicks(click("c1", "s5", "coupons", "2026-06-01T10:00:00Z"));
        assertThat(textOf(conversion("o5", "s5", "2026-06-01T10:05:00Z", "WINNER5"))).isEqualTo(
                "Invalid sale of coupons: coupons has the winning click (click c1 at 2026-06-01T10:00:00Z), "
                        + "but the code \"WINNER5\" matched promo code pc-w of blog, another partner, "
                        + "and no matched code earned credit under its policy.");
    }

    @Test
    void promoCodePolicyNotMet() {
        assertThat(textOf(conversion("o6", "s6", "2026-06-01T10:05:00Z", "INVOLVED5"))).isEqualTo(
                "Not attributed: the code \"INVOLVED5\" matched promo code pc-i of blog (policy IF_INVOLVED), "
                        + "but session s6 has no tracked click in the 30-day referral window, "
                        + "so no matched code earned credit.");
    }

    @Test
    void noClickNoCode() {
        assertThat(textOf(conversion("o7", null, "2026-06-01T10:05:00Z", "NOPE"))).isEqualTo(
                "Not attributed: the conversion has no session (so no clicks) and no code typed matched a live "
                        + "promo code. Matching no live promo code of program acme: \"NOPE\".");
    }
}
