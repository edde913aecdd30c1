package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.regex;
import static org.promoattribution.testing.Fixtures.scheduled;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.testing.Fixtures;

/** SPEC "The rule", steps 1 to 6, driven through the whole topology. */
class CreditRuleTopologyTest {
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Nested
    class Rule1ClickHistory {
        @Test
        void clickExactlyThirtyDaysBeforeTheConversionCounts() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-05-02T10:05:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void clickOneSecondMoreThanThirtyDaysBackDoesNotCount() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-05-02T10:04:59Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
        }

        @Test
        void clicksAfterTheConversionAreIgnored() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                            click("c2", "s1", "news", "2026-06-01T10:06:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void clickAtTheConversionInstantCounts() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:05:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void referralWindowIsSetPerProgram() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings(
                    "referral.window", "P30D", "referral.window.program.acme", "P7D"));
            pipeline.clicks(click("c1", "s1", "blog", "2026-05-20T10:00:00Z"),
                            Fixtures.inProgram(click("c2", "s2", "blog", "2026-05-20T10:00:00Z"), "globex"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:00:00Z"),
                            Fixtures.inProgram(conversion("o2", "s2", "2026-06-01T10:00:00Z"), "globex"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getReason)
                    .containsExactlyInAnyOrder(Reason.NO_CLICK_NO_CODE, Reason.LAST_CLICK);
        }

        @Test
        void clicksOfAnotherProgramInTheSameSessionDoNotCount() {
            pipeline.clicks(Fixtures.inProgram(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"), "globex"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
        }

        @Test
        void clicksOfAnotherSessionDoNotCount() {
            pipeline.clicks(click("c1", "s2", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
        }
    }

    @Nested
    class Rule2WinningClick {
        @Test
        void lastClickWinsAndIsCreditedOnItsOwn() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                            click("c2", "s1", "news", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getOutcome()).isEqualTo(Outcome.CREDITED);
            assertThat(decision.getReason()).isEqualTo(Reason.LAST_CLICK);
            assertThat(decision.getBasis()).isEqualTo(Basis.CLICK);
            assertThat(decision.getPartnerId()).isEqualTo("news");
            assertThat(decision.getClickId()).isEqualTo("c2");
            assertThat(decision.getClickTimestamp()).isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
            assertThat(decision.getPromoCodeId()).isNull();
        }

        @Test
        void onATieTheClickThatArrivedLaterWins() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                            click("c2", "s1", "news", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c2");
        }

        @Test
        void anOlderClickArrivingLateDoesNotWin() {
            pipeline.clicks(click("c2", "s1", "news", "2026-06-01T10:00:00Z"),
                            click("c1", "s1", "blog", "2026-06-01T09:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c2");
        }
    }

    @Nested
    class Rule3UntrackedClicks {
        @Test
        void clicksOfAPartnerHoldingALiveAlwaysCodeAreNotTracked() {
            pipeline.codes(exact("pc-1", "INFL", "influencer", CreditPolicy.ALWAYS))
                    .clicks(click("c1", "s1", "influencer", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
            assertThat(pipeline.counter("attribution.clicks.untracked")).isEqualTo(1.0);
        }

        @Test
        void anUntrackedClickCannotWinAgainstAnOlderTrackedOne() {
            pipeline.codes(exact("pc-1", "INFL", "influencer", CreditPolicy.ALWAYS))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                            click("c2", "s1", "influencer", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void anAlwaysCodeOutsideItsScheduleAtClickTimeLeavesTheClickTracked() {
            pipeline.codes(scheduled(exact("pc-1", "INFL", "influencer", CreditPolicy.ALWAYS),
                            "2026-06-01T10:00:00.001Z", null))
                    .clicks(click("c1", "s1", "influencer", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void anAlwaysCodeInAnotherProgramLeavesTheClickTracked() {
            pipeline.codes(Fixtures.inProgram(exact("pc-1", "INFL", "influencer", CreditPolicy.ALWAYS), "globex"))
                    .clicks(click("c1", "s1", "influencer", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void codesOtherThanAlwaysLeaveTheClickTracked() {
            pipeline.codes(exact("pc-1", "A", "blog", CreditPolicy.IF_WINNER),
                            exact("pc-2", "B", "blog", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void whatCountsIsTheCodeAsKnownWhenTheClickIsProcessed() {
            pipeline.clicks(click("c1", "s1", "influencer", "2026-06-01T10:00:00Z"))
                    .codes(exact("pc-1", "INFL", "influencer", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1"); // tracked before the code existed
        }
    }

    @Nested
    class Rule4MatchingCodes {
        @Test
        void exactCodeMatchesCaseInsensitivelyAndIsReportedAsTyped() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "  sUmMeR10 "));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getPromoCodeId()).isEqualTo("pc-1");
            assertThat(decision.getPromoCode()).isEqualTo("sUmMeR10");
            assertThat(decision.getDealId()).isEqualTo("deal-pc-1");
        }

        @Test
        void regexCodeMatchesTheWholeCodeCaseSensitively() {
            pipeline.codes(regex("pc-1", "BLOG-[0-9]+", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "blog-12", "BLOG-12x", "BLOG-12"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getPromoCode()).isEqualTo("BLOG-12");
            assertThat(decision.getUnmatchedCodes()).containsExactly("blog-12", "BLOG-12x");
        }

        @Test
        void formatCharactersAreTrimmedFromTypedCodes_aZeroWidthSpaceOrBomPastedWithACodeStillMatches() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "\u200bSUMMER10\ufeff", "\u2060 X\u00ad"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getPromoCode()).isEqualTo("SUMMER10");
            assertThat(decision.getUnmatchedCodes()).containsExactly("X");
        }

        @Test
        void formatCharactersAreTrimmedFromExactDefinitionCodes() {
            pipeline.codes(exact("pc-1", "\ufeffSUMMER10\u200b", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10"));
            assertThat(pipeline.decision().getPromoCodeId()).isEqualTo("pc-1");
        }

        @Test
        void exactCodesCompareBySimpleCaseFolding_dottedCapitalIAndDotlessIAreTheirOwnLetters() {
            pipeline.codes(exact("pc-1", "\u0130STANBUL", "blog", CreditPolicy.ALWAYS),
                            exact("pc-2", "K\u0131Z", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "istanbul", "KIZ", "kiz"),
                            conversion("o2", "s2", "2026-06-01T10:05:00Z", "\u0130stanbul", "k\u0131z"));
            assertThat(pipeline.decisions()).extracting(d -> d.getConversionId() + ":" + d.getPromoCodeId()
                            + ":" + d.getUnmatchedCodes())
                    .containsExactlyInAnyOrder("o1:null:[istanbul, KIZ, kiz]", "o2:pc-1:[]");
        }

        @Test
        void exactCodesCompareBySimpleCaseFolding_oneToOneWithoutNormalisation() {
            pipeline.codes(exact("pc-1", "STRASSE", "blog", CreditPolicy.ALWAYS),
                            exact("pc-2", "\u212aELVIN", "blog", CreditPolicy.ALWAYS), // Kelvin sign
                            exact("pc-3", "\u03a3\u039f\u03a3", "blog", CreditPolicy.ALWAYS), // ΣΟΣ
                            exact("pc-4", "\u13a0\u13a1", "blog", CreditPolicy.ALWAYS), // Cherokee capitals
                            exact("pc-5", "CAF\u00c9", "blog", CreditPolicy.ALWAYS)) // precomposed É
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "stra\u00dfe"),
                            conversion("o2", "s2", "2026-06-01T10:05:00Z", "kelvin"),
                            conversion("o3", "s3", "2026-06-01T10:05:00Z", "\u03c3\u03bf\u03c2"), // σος, final sigma
                            conversion("o4", "s4", "2026-06-01T10:05:00Z", "\uab70\uab71"), // Cherokee small letters
                            conversion("o5", "s5", "2026-06-01T10:05:00Z", "cafe\u0301")); // e + combining acute
            assertThat(pipeline.decisions()).extracting(d -> d.getConversionId() + ":" + d.getPromoCodeId())
                    .containsExactlyInAnyOrder("o1:null", "o2:pc-2", "o3:pc-3", "o4:pc-4", "o5:null");
        }

        @Test
        void aRegexPatternIsUsedAsWritten_neverTrimmed() {
            // " SUMMER|WINTER" is " SUMMER" or "WINTER": its leading space is the pattern's, and no
            // trimmed code starts with a space, so "SUMMER" matches nothing.
            pipeline.codes(regex("pc-1", " SUMMER|WINTER", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", " SUMMER", "WINTER"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getPromoCode()).isEqualTo("WINTER");
            assertThat(decision.getUnmatchedCodes()).containsExactly("SUMMER");
        }

        @Test
        void aPatternEndingInAnEscapedSpaceIsValid_butNoTrimmedCodeEndsInASpace() {
            pipeline.codes(regex("pc-1", "SUMMER\\ ", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER "));
            assertThat(pipeline.deadLetters()).isEmpty();
            assertThat(pipeline.decision().getUnmatchedCodes()).containsExactly("SUMMER");
        }

        @Test
        void unmatchedCodesAreTrimmedDeduplicatedAndInOrder() {
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", " X ", "", "Y", "X", "  ", "x"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
            assertThat(decision.getUnmatchedCodes()).containsExactly("X", "Y", "x");
        }

        @Test
        void exactMatchWinsOverRegexMatch() {
            pipeline.codes(regex("pc-0", "SUMMER[0-9]+", "news", CreditPolicy.ALWAYS),
                            exact("pc-9", "summer10", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            assertThat(pipeline.decision().getPromoCodeId()).isEqualTo("pc-9");
        }

        @Test
        void smallestPromoCodeIdWinsAmongRegexMatches() {
            pipeline.codes(regex("pc-2", "SUMMER.*", "news", CreditPolicy.ALWAYS),
                            regex("pc-10", ".*10", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            assertThat(pipeline.decision().getPromoCodeId()).isEqualTo("pc-10"); // string order
        }

        @Test
        void codeMatchesFromValidFromInclusiveToValidToExclusive() {
            pipeline.codes(scheduled(exact("pc-1", "S", "blog", CreditPolicy.ALWAYS),
                            "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z"))
                    .conversions(conversion("before", "s1", "2026-05-31T23:59:59.999Z", "S"),
                            conversion("from", "s2", "2026-06-01T00:00:00Z", "S"),
                            conversion("last", "s3", "2026-06-01T23:59:59.999Z", "S"),
                            conversion("to", "s4", "2026-06-02T00:00:00Z", "S"));
            assertThat(pipeline.decisions()).extracting(d -> d.getConversionId() + ":" + d.getReason())
                    .containsExactlyInAnyOrder("before:NO_CLICK_NO_CODE", "from:PROMO_CODE_ALWAYS",
                            "last:PROMO_CODE_ALWAYS", "to:NO_CLICK_NO_CODE");
        }

        @Test
        void codesOfAnotherProgramDoNotMatch() {
            pipeline.codes(Fixtures.inProgram(exact("pc-1", "S", "blog", CreditPolicy.ALWAYS), "globex"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "S"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
            assertThat(decision.getUnmatchedCodes()).containsExactly("S");
        }

        @Test
        void catastrophicBacktrackingPatternDoesNotStallTheStream() {
            pipeline.codes(regex("pc-1", "(a+)+b", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "a".repeat(999) + "!"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
        }
    }

    @Nested
    class Rules5And6Decision {
        @Test
        void alwaysCodeCreditsItsPartnerWithNoClickRecorded() {
            pipeline.codes(exact("pc-1", "INFL", "influencer", CreditPolicy.ALWAYS))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "INFL"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getOutcome()).isEqualTo(Outcome.CREDITED);
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_ALWAYS);
            assertThat(decision.getBasis()).isEqualTo(Basis.PROMO_CODE);
            assertThat(decision.getPartnerId()).isEqualTo("influencer");
            assertThat(decision.getClickId()).isNull();
            assertThat(decision.getClickTimestamp()).isNull();
        }

        @Test
        void ifInvolvedCreditsThePartnerWithItsLatestClickEvenWhenItDidNotWin() {
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                            click("c2", "s1", "blog", "2026-06-01T09:30:00Z"),
                            click("c3", "s1", "news", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "BLOG"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            assertThat(decision.getPartnerId()).isEqualTo("blog");
            assertThat(decision.getClickId()).isEqualTo("c2");
        }

        @Test
        void ifWinnerCreditsThePartnerOwningTheWinningClick() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "news", "2026-06-01T09:00:00Z"),
                            click("c2", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_WINNER);
            assertThat(decision.getClickId()).isEqualTo("c2");
        }

        @Test
        void codeOfAnotherPartnerMakesTheWinningPartnersSaleInvalid() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                            click("c2", "s1", "coupons", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "nothing", "SUMMER10"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getOutcome()).isEqualTo(Outcome.INVALID);
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_OF_OTHER_PARTNER);
            assertThat(decision.getBasis()).isEqualTo(Basis.CLICK);
            assertThat(decision.getPartnerId()).isEqualTo("coupons");
            assertThat(decision.getClickId()).isEqualTo("c2");
            assertThat(decision.getPromoCodeId()).isEqualTo("pc-1");
            assertThat(decision.getUnmatchedCodes()).containsExactly("nothing");
        }

        @Test
        void matchedCodesWithoutClicksOrAlwaysPolicyLeaveTheSaleUnattributed() {
            pipeline.codes(exact("pc-1", "A", "blog", CreditPolicy.IF_WINNER),
                            exact("pc-2", "B", "news", CreditPolicy.IF_INVOLVED))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "B", "A"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getOutcome()).isEqualTo(Outcome.UNATTRIBUTED);
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_POLICY_NOT_MET);
            assertThat(decision.getPartnerId()).isNull();
            assertThat(decision.getBasis()).isNull();
            assertThat(decision.getPromoCodeId()).isEqualTo("pc-2");
        }

        @Test
        void noClickAndNoCodeIsUnattributed() {
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getOutcome()).isEqualTo(Outcome.UNATTRIBUTED);
            assertThat(decision.getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
            assertThat(decision.getUnmatchedCodes()).isEmpty();
        }

        @Test
        void secondCodeEarnsCreditWhenTheFirstDoesNot() {
            pipeline.codes(exact("pc-1", "A", "blog", CreditPolicy.IF_WINNER),
                            exact("pc-2", "B", "news", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "news", "2026-06-01T09:00:00Z"),
                            click("c2", "s1", "coupons", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "A", "B"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            assertThat(decision.getPartnerId()).isEqualTo("news");
            assertThat(decision.getPromoCode()).isEqualTo("B");
            assertThat(decision.getClickId()).isEqualTo("c1");
        }

        @Test
        void decisionCarriesTheConversionsFacts() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getProgramId()).isEqualTo("acme");
            assertThat(decision.getSessionId()).isEqualTo("s1");
            assertThat(decision.getTimestamp()).isEqualTo(Instant.parse("2026-06-01T10:05:00Z"));
            assertThat(decision.getAmount()).isEqualByComparingTo("59.90");
            assertThat(decision.getCurrency()).isEqualTo("USD");
            assertThat(decision.getDecidedAt()).isNotNull();
        }
    }
}
