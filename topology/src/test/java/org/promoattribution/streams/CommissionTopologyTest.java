package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.at;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.codeRate;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.item;
import static org.promoattribution.testing.Fixtures.money;
import static org.promoattribution.testing.Fixtures.reversal;
import static org.promoattribution.testing.Fixtures.terms;
import static org.promoattribution.testing.Fixtures.withAmount;
import static org.promoattribution.testing.Fixtures.withItems;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.TermsTableSettings;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CommissionRate;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.LineItem;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;

/** SPEC "Commission" (C1–C4), rule 1's per-partner window and rule 9 for terms, through the topology. */
class CommissionTopologyTest {
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    /** A LAST_CLICK credit of {@code partner} for an order of 59.90 in session {@code session}. */
    private AttributionDecision lastClickOf(String partner, String session, String time) {
        pipeline.clicks(click("c-" + session, session, partner, time))
                .conversions(conversion("o-" + session, session, time));
        return pipeline.decision();
    }

    private void assertCommission(AttributionDecision decision, String commission, String termsId) {
        assertThat(decision.getCommission()).isEqualByComparingTo(commission);
        assertThat(decision.getCommission().scale()).isEqualTo(4);
        assertThat(decision.getTermsId()).isEqualTo(termsId);
    }

    @Nested
    class C1TermsInForce {
        @Test
        void aPartnersOwnTermsComeBeforeTheProgramsDefaultTerms() {
            pipeline.terms(terms("default", null, "5").build(), terms("blog-2026", "blog", "8").build());

            assertCommission(lastClickOf("blog", "s1", "2026-06-01T10:00:00Z"), "4.792", "blog-2026");
            assertCommission(lastClickOf("news", "s2", "2026-06-01T10:00:00Z"), "2.995", "default");
        }

        @Test
        void amongTermsInForceTheSmallestTermsIdWinsAndSchedulesCount() {
            pipeline.terms(terms("t-2", "blog", "10").build(),
                    terms("t-1", "blog", "8").setValidTo(at("2026-06-15T00:00:00Z")).build());

            assertCommission(lastClickOf("blog", "s1", "2026-06-14T23:59:59.999Z"), "4.792", "t-1");
            // the terms change mid-month: from the 15th, t-1 is no longer in force
            assertCommission(lastClickOf("blog", "s2", "2026-06-15T00:00:00Z"), "5.99", "t-2");
        }

        @Test
        void withoutTermsInForceThereIsNoCommissionAndNoTermsId() {
            pipeline.terms(terms("later", null, "5").setValidFrom(at("2026-07-01T00:00:00Z")).build(),
                    terms("other-program", null, "5").setProgramId("zeta").build());

            AttributionDecision decision = lastClickOf("blog", "s1", "2026-06-01T10:00:00Z");

            assertThat(decision.getCommission()).isNull();
            assertThat(decision.getTermsId()).isNull();
        }
    }

    @Nested
    class C2CommissionOfADecision {
        @Test
        void aCodeRateAndCategoryRatesOnOrdersOfTheSameTerms() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_INVOLVED))
                    .terms(terms("t-1", "blog", "8").setFlat(money("2"))
                            .setCodeRates(Map.of("pc-1", codeRate("5", "1")))
                            .setCategoryRates(Map.of("shoes", money("20"))).build());

            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"))
                    .conversions(withItems(conversion("o1", "s1", "2026-06-01T10:00:00Z", "summer10"),
                    item("a", "shoes", 2, "50"), item("b", null, 1, "100")));
            assertCommission(pipeline.decision(), "11", "t-1"); // 5 % of 200 + 1: the code rate, on every item

            pipeline.clicks(click("c2", "s2", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(withItems(conversion("o2", "s2", "2026-06-01T10:00:00Z"),
                            item("a", "shoes", 2, "50"), item("b", null, 1, "100")));
            assertCommission(pipeline.decision(), "30", "t-1"); // 20 % of 100 + 8 % of 100 + 2
        }

        @Test
        void invalidAndUnattributedDecisionsHaveNone() {
            pipeline.codes(exact("pc-1", "SUMMER10", "news", CreditPolicy.IF_WINNER))
                    .terms(terms("t-1", null, "8").build());

            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            AttributionDecision invalid = pipeline.decision();
            pipeline.conversions(conversion("o2", "s2", "2026-06-01T10:05:00Z"));
            AttributionDecision unattributed = pipeline.decision();

            assertThat(invalid.getOutcome()).isEqualTo(Outcome.INVALID);
            assertThat(unattributed.getOutcome()).isEqualTo(Outcome.UNATTRIBUTED);
            for (AttributionDecision d : new AttributionDecision[] {invalid, unattributed}) {
                assertThat(d.getCommission()).isNull();
                assertThat(d.getTermsId()).isNull();
            }
        }

        @Test
        void anOrderWithoutAmountEarnsTheFlat() {
            pipeline.terms(terms("t-1", null, "8").setFlat(money("3.5")).build());
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(withAmount(conversion("o1", "s1", "2026-06-01T10:05:00Z"), null));
            assertCommission(pipeline.decision(), "3.5", "t-1");
        }
    }

    @Nested
    class Rule1WindowPerPartner {
        @Test
        void aPartnersTermsSetItsOwnWindowOthersKeepTheProgramsWindow() {
            pipeline.terms(terms("blog", "blog", "8").setReferralWindow("P7D").build());
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                    click("c2", "s2", "news", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-09T10:00:00Z"));
            assertThat(pipeline.decision().getReason()).as("blog's click is 8 days old: past its 7")
                    .isEqualTo(Reason.NO_CLICK_NO_CODE);

            pipeline.conversions(conversion("o2", "s2", "2026-06-09T10:00:00Z"));
            assertThat(pipeline.decision().getPartnerId()).as("news keeps referral.window, 30 days").isEqualTo("news");
        }

        @Test
        void aLongerWindowInTheTermsReachesPastTheProgramsWindowAndDecidesTheWinner() {
            pipeline.terms(terms("blog", "blog", "8").setReferralWindow("P60D").build());
            pipeline.clicks(click("c1", "s1", "blog", "2026-04-20T10:00:00Z"),
                    click("c2", "s1", "news", "2026-04-21T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:00:00Z"));

            AttributionDecision decision = pipeline.decision();

            assertThat(decision.getPartnerId()).as("news's later click is past its 30 days; blog's within 60")
                    .isEqualTo("blog");
            assertThat(decision.getClickId()).isEqualTo("c1");
        }

        @Test
        void theProgramsDefaultTermsSetTheWindowOfPartnersWithoutOneOfTheirOwn() {
            pipeline.terms(terms("default", null, "5").setReferralWindow("PT1H").build(),
                    terms("blog", "blog", "8").build()); // blog's own terms set no window: the default's applies
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T08:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:00:00Z"));

            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
        }

        @Test
        void termsWhoseScheduleDoesNotContainTheConversionTimeSetNoWindow() {
            pipeline.terms(terms("blog", "blog", "8").setReferralWindow("PT1H")
                    .setValidFrom(at("2026-07-01T00:00:00Z")).build());
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T08:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:00:00Z"));

            assertThat(pipeline.decision().getPartnerId()).isEqualTo("blog");
        }
    }

    @Nested
    class Rule9TermsChanges {
        @Test
        void aWaitingConversionSeesTheTermsLiveWhenItIsDecided() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.terms(terms("t-1", null, "5").build());
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            pipeline.terms(terms("t-1", null, "10").build());
            pipeline.clicks(click("c9", "s9", "news", "2026-06-01T10:15:00.001Z"));

            assertCommission(pipeline.decision(), "5.99", "t-1");
        }

        @Test
        void deletedTermsMakeNoCommissionForConversionsDecidedAfter() {
            pipeline.terms(terms("t-1", null, "5").build());
            assertCommission(lastClickOf("blog", "s1", "2026-06-01T10:00:00Z"), "2.995", "t-1");

            pipeline.deleteTerms("t-1");

            assertThat(lastClickOf("blog", "s2", "2026-06-01T10:00:00Z").getCommission()).isNull();
        }

        @Test
        void anInvalidUpdateGoesToTheDeadLetterTopicAndTheLiveTermsStay() {
            pipeline.terms(terms("t-1", null, "5").build(), terms("t-1", null, "101").build());

            assertThat(pipeline.deadLetters()).singleElement()
                    .satisfies(d -> assertThat(AttributionDriver.reason(d)).isEqualTo("INVALID_TERMS"));
            assertCommission(lastClickOf("blog", "s1", "2026-06-01T10:00:00Z"), "2.995", "t-1");
        }

        @Test
        void laterChangesOfTermsNeverTouchADecisionOrItsAdjustments() {
            pipeline.terms(terms("t-1", null, "10").setFlat(money("1")).build());
            lastClickOf("blog", "s1", "2026-06-01T10:00:00Z"); // 5.99 + 1
            pipeline.terms(terms("t-1", null, "50").setFlat(money("0")).build());

            pipeline.adjustments(amountChange("a1", "o-s1", "2026-06-02T10:00:00Z", "29.95"));

            assertThat(pipeline.adjustmentDecision().getCommission()).isEqualByComparingTo("3.995"); // 5.99 / 2 + 1
        }
    }

    @Nested
    class C4Adjustments {
        private AttributionDecision credited() {
            pipeline.terms(terms("t-1", null, "10").setFlat(money("1")).build());
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(withAmount(conversion("o1", "s1", "2026-06-01T10:00:00Z"), "100"));
            return pipeline.decision();
        }

        private void assertAdjusted(AdjustmentDecision a, AdjustmentStatus status, AdjustmentReason reason,
                                    String previousCommission, String commission) {
            assertThat(a.getStatus()).isEqualTo(status);
            assertThat(a.getReason()).isEqualTo(reason);
            assertThat(a.getPreviousCommission()).isEqualByComparingTo(previousCommission);
            assertThat(a.getCommission()).isEqualByComparingTo(commission);
        }

        @Test
        void anAmountChangeScalesTheCommissionAndAReversalAfterItSetsItToZero() {
            assertCommission(credited(), "11", "t-1");

            pipeline.adjustments(amountChange("a1", "o1", "2026-06-02T10:00:00Z", "50"));
            assertAdjusted(pipeline.adjustmentDecision(), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED,
                    "11", "6");
            pipeline.adjustments(amountChange("a2", "o1", "2026-06-02T11:00:00Z", "0"));
            assertAdjusted(pipeline.adjustmentDecision(), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED,
                    "6", "1");
            pipeline.adjustments(amountChange("a3", "o1", "2026-06-02T12:00:00Z", "80"));
            assertAdjusted(pipeline.adjustmentDecision(), AdjustmentStatus.APPLIED, AdjustmentReason.AMOUNT_CHANGED,
                    "1", "1"); // from 0: it stays
            pipeline.adjustments(reversal("a4", "o1", "2026-06-03T10:00:00Z"));
            assertAdjusted(pipeline.adjustmentDecision(), AdjustmentStatus.APPLIED, AdjustmentReason.REVERSED,
                    "1", "0");
        }

        @Test
        void aRejectedAdjustmentCarriesTheCurrentCommission() {
            credited();
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-02T10:00:00Z", "50"));
            pipeline.adjustmentDecision();
            pipeline.adjustments(amountChange("a2", "o1", "2026-09-02T10:00:00Z", "10"));

            assertAdjusted(pipeline.adjustmentDecision(), AdjustmentStatus.REJECTED, AdjustmentReason.LOCKED, "6", "6");
        }

        @Test
        void aDecisionWithoutCommissionKeepsNone() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:00:00Z"));
            pipeline.decision();
            pipeline.terms(terms("t-1", null, "10").build());

            pipeline.adjustments(amountChange("a1", "o1", "2026-06-02T10:00:00Z", "50"));

            AdjustmentDecision a = pipeline.adjustmentDecision();
            assertThat(a.getStatus()).isEqualTo(AdjustmentStatus.APPLIED);
            assertThat(a.getPreviousCommission()).isNull();
            assertThat(a.getCommission()).isNull();
        }
    }

    /** SPEC "Commission" and "Limits": bad terms go to the dead-letter topic with their reason and never become live. */
    @Nested
    class BadTerms {
        private String rejected(String reason, CommissionTerms.Builder terms) {
            pipeline.terms(terms.build());
            List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
            assertThat(deadLetters).hasSize(1);
            assertThat(AttributionDriver.reason(deadLetters.get(0))).isEqualTo(reason);
            assertThat(lastClickOf("blog", "s" + sessions++, "2026-06-01T10:00:00Z").getTermsId())
                    .as("the bad terms are not live").isNull();
            return AttributionDriver.header(deadLetters.get(0), DeadLetterHeaders.ERROR);
        }

        private int sessions;

        /** Written by a producer whose schema allows any precision: our serializer would refuse to. */
        private String rejectedRaw(String reason, String termsId, String field, String value) {
            Schema anyPrecision = new Schema.Parser().parse(CommissionTerms.getClassSchema().toString()
                    .replace("\"precision\":20", "\"precision\":2000"));
            GenericRecord terms = new GenericData.Record(anyPrecision);
            terms.put("termsId", termsId);
            terms.put("programId", "acme");
            terms.put(field, ByteBuffer.wrap(new BigDecimal(value).setScale(4).unscaledValue().toByteArray()));
            pipeline.rawTerms(termsId.getBytes(StandardCharsets.UTF_8),
                    pipeline.written("commission-terms-value", anyPrecision, terms));
            List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
            assertThat(deadLetters).hasSize(1);
            assertThat(AttributionDriver.reason(deadLetters.get(0))).isEqualTo(reason);
            return AttributionDriver.header(deadLetters.get(0), DeadLetterHeaders.ERROR);
        }

        private void accepted(CommissionTerms.Builder terms) {
            pipeline.terms(terms.build());
            assertThat(pipeline.deadLetters()).isEmpty();
            pipeline.deleteTerms(terms.getTermsId());
        }

        @Test
        void invalidTermsARateOutsideZeroToAHundred() {
            assertThat(rejected("INVALID_TERMS", terms("t-1", null, "100.0001"))).contains("rate 100.0001");
            rejected("INVALID_TERMS", terms("t-2", null, "-0.0001"));
            rejected("INVALID_TERMS", terms("t-3", null, "5").setCategoryRates(Map.of("shoes", money("101"))));
            rejected("INVALID_TERMS", terms("t-4", null, "5").setCodeRates(Map.of("pc-1", codeRate("-1", "0"))));
            accepted(terms("t-5", null, "100").setCategoryRates(Map.of("shoes", money("0"))));
        }

        @Test
        void invalidTermsANegativeOrTooLargeFlat() {
            rejected("INVALID_TERMS", terms("t-1", null, "5").setFlat(money("-0.01")));
            assertThat(rejectedRaw("INVALID_TERMS", "t-2", "flat", "12345678901234567")).contains("flat");
            assertThat(rejectedRaw("INVALID_TERMS", "t-6", "rate", "1" + "0".repeat(30))).contains("rate");
            rejected("INVALID_TERMS", terms("t-3", null, "5").setCodeRates(Map.of("pc-1", codeRate("5", "-1"))));
            accepted(terms("t-4", null, "5").setFlat(money("9999999999999999.9999")));
        }

        @Test
        void invalidTermsAReferralWindowOutOfRangeOrNotADuration() {
            rejected("INVALID_TERMS", terms("t-1", null, "5").setReferralWindow("P91D")); // past referral.window.max
            rejected("INVALID_TERMS", terms("t-2", null, "5").setReferralWindow("P1M")); // months are not durations
            rejected("INVALID_TERMS", terms("t-3", null, "5").setReferralWindow("P1Y"));
            rejected("INVALID_TERMS", terms("t-4", null, "5").setReferralWindow("PT0.0009S")); // cut to 0 ms
            rejected("INVALID_TERMS", terms("t-5", null, "5").setReferralWindow("-P1D"));
            rejected("INVALID_TERMS", terms("t-6", null, "5").setReferralWindow("P1W2D")); // PnW stands alone
            rejected("INVALID_TERMS", terms("t-7", null, "5").setReferralWindow("P1.5D")); // fractions on seconds only
            rejected("INVALID_TERMS", terms("t-8", null, "5").setReferralWindow("seven days"));
            accepted(terms("t-9", null, "5").setReferralWindow("P12W"));
            accepted(terms("t-10", null, "5").setReferralWindow("PT0.0019S"));
            accepted(terms("t-11", null, "5").setReferralWindow("P90D"));
            accepted(terms("t-12", null, "5").setReferralWindow("P1DT2H3M4.5S"));
        }

        @Test
        void invalidTermsValidFromNotBeforeValidToAndInvalidScheduleABoundPast9999() {
            rejected("INVALID_TERMS", terms("t-1", null, "5").setValidFrom(at("2026-06-01T00:00:00Z"))
                    .setValidTo(at("2026-06-01T00:00:00Z")));
            rejected("INVALID_SCHEDULE", terms("t-2", null, "5").setValidTo(at("+10000-01-01T00:00:00Z")));
        }

        @Test
        void invalidTermsEmptyIds() {
            rejected("INVALID_TERMS", terms(" ", null, "5"));
            rejected("INVALID_TERMS", terms("t-1", null, "5").setProgramId(""));
            rejected("INVALID_TERMS", terms("t-2", "", "5"));
        }

        @Test
        void limitExceededMoreThanAThousandRatesOrAKeyOrIdLongerThan256() {
            Map<String, BigDecimal> thousand = new HashMap<>();
            for (int i = 0; i < 1000; i++) {
                thousand.put("category-" + i, money("5"));
            }
            accepted(terms("t-1", null, "5").setCategoryRates(thousand));
            Map<String, BigDecimal> more = new HashMap<>(thousand);
            more.put("one-more", money("5"));
            assertThat(rejected("LIMIT_EXCEEDED", terms("t-2", null, "5").setCategoryRates(more)))
                    .contains("categoryRates").contains("1001");
            Map<String, CommissionRate> codes = new HashMap<>();
            for (int i = 0; i <= 1000; i++) {
                codes.put("pc-" + i, codeRate("5", "0"));
            }
            assertThat(rejected("LIMIT_EXCEEDED", terms("t-3", null, "5").setCodeRates(codes))).contains("codeRates");
            rejected("LIMIT_EXCEEDED", terms("t-4", null, "5").setCategoryRates(Map.of("c".repeat(257), money("5"))));
            rejected("LIMIT_EXCEEDED", terms("t".repeat(257), null, "5"));
            accepted(terms("t-5", null, "5").setCategoryRates(Map.of("c".repeat(256), money("5"))));
        }

        @Test
        void aConfiguredWindowAboveTheMaximumIsAConfigurationError() {
            assertThatThrownBy(() -> AttributionConfig.from(AttributionDriver.settings("referral.window", "P91D")))
                    .hasMessageContaining("referral.window").hasMessageContaining("referral.window.max");
            assertThatThrownBy(() -> AttributionConfig.from(AttributionDriver.settings(
                    "referral.window", "P1D", "referral.window.program.acme", "P8D", "referral.window.max", "P7D")))
                    .hasMessageContaining("referral.window.program.acme");
        }
    }

    /** SPEC "Records" and "Limits" for line items. */
    @Nested
    class LineItemLimits {
        private String rejected(String reason, LineItem... items) {
            pipeline.conversions(withItems(conversion("o1", "s1", "2026-06-01T10:00:00Z"), items));
            List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
            assertThat(deadLetters).hasSize(1);
            assertThat(AttributionDriver.reason(deadLetters.get(0))).isEqualTo(reason);
            assertThat(pipeline.decisions()).isEmpty();
            return AttributionDriver.header(deadLetters.get(0), DeadLetterHeaders.ERROR);
        }

        @Test
        void limitExceededMoreItemsThanConversionMaxItems() {
            LineItem[] hundred = new LineItem[100];
            Arrays.fill(hundred, item("a", null, 1, "1"));
            pipeline.conversions(withItems(conversion("o0", "s0", "2026-06-01T10:00:00Z"), hundred));
            assertThat(pipeline.decision().getConversionId()).isEqualTo("o0");

            LineItem[] more = Arrays.copyOf(hundred, 101);
            more[100] = item("b", null, 1, "1");
            assertThat(rejected("LIMIT_EXCEEDED", more)).contains("conversion.max.items").contains("101");
        }

        @Test
        void limitExceededASkuOrCategoryLongerThan256() {
            assertThat(rejected("LIMIT_EXCEEDED", item("s".repeat(257), null, 1, "1"))).contains("items[0].sku");
        }

        @Test
        void limitExceededACategoryLongerThan256() {
            assertThat(rejected("LIMIT_EXCEEDED", item("a", "c".repeat(257), 1, "1"))).contains("items[0].category");
        }

        @Test
        void limitExceededAQuantityOverAMillionOrUnderOne() {
            assertThat(rejected("LIMIT_EXCEEDED", item("a", null, 1_000_001, "1"))).contains("item quantity");
        }

        @Test
        void limitExceededAQuantityUnderOne() {
            assertThat(rejected("LIMIT_EXCEEDED", item("a", null, 0, "1"))).contains("item quantity");
        }

        @Test
        void negativeAmountANegativeUnitPrice() {
            assertThat(rejected("NEGATIVE_AMOUNT", item("a", null, 1, "-0.01"))).contains("unitPrice");
        }

        @Test
        void missingFieldAnEmptySku() {
            assertThat(rejected("MISSING_FIELD", item("", null, 1, "1"))).contains("items[0].sku");
        }

        @Test
        void limitExceededItemsWhoseTotalIsBeyondDecimal204() {
            assertThat(rejected("LIMIT_EXCEEDED", item("a", null, 2, "9999999999999999.9999")))
                    .contains("items total");
        }

        @Test
        void aMillionAtTheLargestPriceThatFitsIsDecided() {
            pipeline.conversions(withItems(conversion("o1", "s1", "2026-06-01T10:00:00Z"),
                    item("a", null, 1_000_000, "9999999999.9999")));
            assertThat(pipeline.deadLetters()).isEmpty();
            assertThat(pipeline.decision().getConversionId()).isEqualTo("o1");
        }
    }

    /**
     * SPEC "Limits" bounds each terms, not their number: past {@code terms.memory.bytes} the instance
     * reports it, and every terms, the ones that passed it and those after, still sets the commission.
     */
    @Nested
    class PastTheTermsMemoryBudget {
        private CommissionTermsIndex index;

        @BeforeEach
        void aBudgetOfOneByte() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings(TermsTableSettings.MEMORY_BYTES, "1"),
                    AttributionDriver.NOW, (config, serdes, metrics) -> {
                        index = new CommissionTermsIndex(config.termsTable());
                        return AttributionTopology.build(config, serdes, metrics, new PromoCodeIndex(config.codeTable()),
                                index);
                    });
        }

        @Test
        void decisionsKeepTheirCommissionAndLaterChangesOfTermsStillApply() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_INVOLVED))
                    .terms(terms("default", null, "5").build(), terms("t-1", "blog", "8").setFlat(money("2"))
                            .setCodeRates(Map.of("pc-1", codeRate("5", "1")))
                            .setCategoryRates(Map.of("shoes", money("20"))).build());
            assertThat(index.overBudget()).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("commission terms over terms.memory.bytes (" + index.memoryBytes() + " of 1 bytes"));

            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"))
                    .conversions(withItems(conversion("o1", "s1", "2026-06-01T10:00:00Z", "summer10"),
                            item("a", "shoes", 2, "50"), item("b", null, 1, "100")));
            assertCommission(pipeline.decision(), "11", "t-1"); // 5 % of 200 + 1: the code rate
            pipeline.clicks(click("c2", "s2", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(withItems(conversion("o2", "s2", "2026-06-01T10:00:00Z"),
                            item("a", "shoes", 2, "50"), item("b", null, 1, "100")));
            assertCommission(pipeline.decision(), "30", "t-1"); // 20 % of 100 + 8 % of 100 + 2
            assertCommission(lastClickOf("news", "s3", "2026-06-01T10:00:00Z"), "2.995", "default");

            pipeline.terms(terms("t-1", "blog", "10").build()).deleteTerms("default");
            assertCommission(lastClickOf("blog", "s4", "2026-06-01T10:00:00Z"), "5.99", "t-1");
            assertThat(lastClickOf("news", "s5", "2026-06-01T10:00:00Z").getCommission()).isNull();
            assertThat(index.overBudget()).isPresent();

            pipeline.deleteTerms("t-1");
            assertThat(index.memoryBytes()).isZero();
            assertThat(index.overBudget()).isEmpty();
        }
    }
}

