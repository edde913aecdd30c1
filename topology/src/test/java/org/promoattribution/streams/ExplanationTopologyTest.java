package org.promoattribution.streams;

import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.at;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.regex;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.explain.Explanation;
import org.promoattribution.json.PipelineJson;
import org.promoattribution.rule.TrackedClick;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.Reason;
import org.promoattribution.state.StoreNames;
import org.promoattribution.testing.AttributionDriver;

/** The explanation the decider keeps beside each decision: the inputs as they were when it decided. */
class ExplanationTopologyTest {
    private final AttributionDriver driver = new AttributionDriver(
            AttributionDriver.settings("referral.window", "P7D"));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void keepsTheClicksInTheWindowTheWinnerAndWhatEachTypedCodeMatched() {
        driver.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER),
                        regex("pc-2", "VIP[0-9]+", "coupons", CreditPolicy.IF_INVOLVED))
                .clicks(click("c0", "s1", "news", "2026-05-20T10:00:00Z"), // before the 7-day window
                        click("c1", "s1", "coupons", "2026-06-01T09:00:00Z"),
                        click("c2", "s1", "blog", "2026-06-01T10:00:00Z"),
                        click("c3", "s1", "news", "2026-06-01T11:00:00Z")) // after the conversion
                .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", " summer10 ", "NOPE", "VIP7", "summer10 "));

        assertThat(driver.decision().getReason()).isEqualTo(Reason.PROMO_CODE_WINNER);
        Explanation e = driver.explanation("o1");
        assertThat(e.sessionId()).isEqualTo("s1");
        assertThat(e.decision().reason()).isEqualTo(Reason.PROMO_CODE_WINNER);
        assertThat(e.decision().unmatchedCodes()).containsExactly("NOPE");
        Explanation.Inputs inputs = e.inputs();
        assertThat(inputs.referralWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(inputs.windowFrom()).isEqualTo(at("2026-05-25T10:05:00Z"));
        assertThat(inputs.windowTo()).isEqualTo(at("2026-06-01T10:05:00Z"));
        assertThat(inputs.clicksInWindow()).extracting(TrackedClick::clickId).containsExactly("c2", "c1");
        assertThat(inputs.winningClick().clickId()).isEqualTo("c2");
        assertThat(inputs.moreClicksInWindow()).isFalse();
        assertThat(inputs.codes()).containsExactly(
                new Explanation.TypedCode("summer10", true, "pc-1", "blog", CreditPolicy.IF_WINNER, MatchType.EXACT,
                        "deal-pc-1"),
                new Explanation.TypedCode("NOPE", false, null, null, null, null, null),
                new Explanation.TypedCode("VIP7", true, "pc-2", "coupons", CreditPolicy.IF_INVOLVED, MatchType.REGEX,
                        "deal-pc-2"));
    }

    @Test
    void limits_anOrderOfTheMostAndLongestCodesKeepsAnExplanationWellWithinARecord() {
        String[] codes = new String[100];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = String.valueOf((char) ('a' + i % 26)).repeat(997) + "%03d".formatted(i);
        }
        driver.conversions(conversion("o1", "s1", "2026-06-01T11:00:00Z", codes));

        try (var it = driver.driver().<String, byte[]>getWindowStore(StoreNames.EXPLANATIONS)
                .backwardFetch("o1", Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
            assertThat(it.next().value.length).as("bytes kept").isLessThan(80_000);
        }
        Explanation e = driver.explanation("o1");
        assertThat(e.decision().unmatchedCodes()).hasSize(100)
                .allSatisfy(code -> assertThat(code).endsWith("… (1000 characters)").hasSize(200 + 19));
        assertThat(e.inputs().codes()).hasSize(100)
                .allSatisfy(code -> assertThat(code.code()).endsWith("… (1000 characters)"));
        assertThat(driver.decision().getUnmatchedCodes()).containsExactly(codes); // the decision itself keeps them whole
    }

    @Test
    void listsOnlyTheLatestClicksOfALongHistory() {
        for (int i = 0; i < Explanation.MAX_CLICKS + 5; i++) {
            driver.clicks(click("c" + i, "s1", "blog", "2026-06-01T10:%02d:00Z".formatted(i)));
        }
        driver.conversions(conversion("o1", "s1", "2026-06-01T11:00:00Z"));

        Explanation.Inputs inputs = driver.explanation("o1").inputs();
        assertThat(inputs.clicksInWindow()).hasSize(Explanation.MAX_CLICKS);
        assertThat(inputs.clicksInWindow().get(0).clickId()).isEqualTo("c" + (Explanation.MAX_CLICKS + 4));
        assertThat(inputs.moreClicksInWindow()).isTrue();
    }

    @Test
    void aConversionWithoutASessionHasNoClicks() {
        driver.conversions(conversion("o1", null, "2026-06-01T11:00:00Z"));

        Explanation e = driver.explanation("o1");
        assertThat(e.sessionId()).isNull();
        assertThat(e.inputs().clicksInWindow()).isEmpty();
        assertThat(e.inputs().winningClick()).isNull();
        assertThat(e.decision().reason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
    }

    @Test
    void aRedeliveredConversionKeepsItsFirstExplanation() {
        driver.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
        driver.clicks(click("c2", "s1", "news", "2026-06-01T10:01:00Z"))
                .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));

        assertThat(driver.decisions()).hasSize(1);
        assertThat(driver.explanation("o1").inputs().clicksInWindow()).extracting(TrackedClick::clickId)
                .containsExactly("c1");
    }

    @Test
    void anExplanationThePreviousVersionStoredAsJsonIsStillRead() throws Exception {
        driver.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10", "NOPE"));
        Explanation decided = driver.explanation("o1");
        assertThat(decided.decision().reason()).isEqualTo(Reason.PROMO_CODE_WINNER);

        byte[] json = PipelineJson.mapper().writeValueAsBytes(decided); // the previous layout
        driver.driver().<String, byte[]>getWindowStore(StoreNames.EXPLANATIONS).put("o-old", json,
                decided.decidedAt().toEpochMilli());
        assertThat(driver.explanation("o-old")).isEqualTo(decided);
    }
}
