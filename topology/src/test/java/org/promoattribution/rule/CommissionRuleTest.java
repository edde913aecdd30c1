package org.promoattribution.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.Schedule;
import org.promoattribution.commission.Rate;
import org.promoattribution.commission.Terms;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.LineItem;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/** SPEC "Commission" C2 and C4 on the pure rule, without Kafka. */
class CommissionRuleTest {
    private static final CodeMatch PC1 = new CodeMatch("SUMMER10", new CodeDefinition("pc-1", "acme", "blog",
            "SUMMER10", MatchType.EXACT, CreditPolicy.ALWAYS, null, Schedule.ALWAYS_LIVE, null));
    private static final Verdict BY_CLICK = new Verdict(Outcome.CREDITED, Reason.LAST_CLICK, "blog", Basis.CLICK,
            null, new TrackedClick("c1", "blog", Instant.EPOCH));
    private static final Verdict BY_CODE = new Verdict(Outcome.CREDITED, Reason.PROMO_CODE_ALWAYS, "blog",
            Basis.PROMO_CODE, PC1, null);

    private static Terms terms(String rate, String flat, Map<String, Rate> codeRates, Map<String, BigDecimal> categories) {
        return new Terms("t-1", "acme", "blog", Schedule.ALWAYS_LIVE, null, new Rate(d(rate), d(flat)), codeRates,
                categories);
    }

    private static Terms terms(String rate, String flat) {
        return terms(rate, flat, Map.of(), Map.of());
    }

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static LineItem item(String category, int quantity, String unitPrice) {
        return LineItem.newBuilder().setSku("sku").setCategory(category).setQuantity(quantity)
                .setUnitPrice(d(unitPrice)).build();
    }

    private static BigDecimal commission(Verdict verdict, Terms terms, String amount, List<LineItem> items) {
        return CommissionRule.of(verdict, terms, d(amount), items).value();
    }

    @Nested
    class C2 {
        @Test
        void withoutItemsItIsTheAmountTimesTheRatePlusTheFlat() {
            assertThat(commission(BY_CLICK, terms("8", "0.5"), "59.90", null)).isEqualByComparingTo("5.292");
            Commission c = CommissionRule.of(BY_CLICK, terms("8", "0.5"), d("59.90"), null);
            assertThat(c.termsId()).isEqualTo("t-1");
            assertThat(c.flat()).isEqualByComparingTo("0.5");
            assertThat(c.value().scale()).isEqualTo(4);
        }

        @Test
        void anAbsentAmountWithoutItemsEarnsTheFlatAlone() {
            assertThat(commission(BY_CLICK, terms("8", "1.25"), null, null)).isEqualByComparingTo("1.25");
        }

        @Test
        void anEmptyItemsListCountsAsNoItems() {
            assertThat(commission(BY_CLICK, terms("10", "0"), "20", List.of())).isEqualByComparingTo("2");
        }

        @Test
        void manyDecimalsAreMultipliedExactlyAndRoundedOnceAtTheEnd() {
            // 0.0001 x 3 items at 33.3333 % each: rounded per item it would be 0; exactly it is 0.0001
            List<LineItem> items = List.of(item(null, 1, "0.0001"), item(null, 1, "0.0001"), item(null, 1, "0.0001"));
            assertThat(commission(BY_CLICK, terms("33.3333", "0"), null, items)).isEqualByComparingTo("0.0001");
            assertThat(commission(BY_CLICK, terms("99.9999", "0.0001"), "9999999999999999.9999", null))
                    .isEqualByComparingTo("9999990000000000.0000"); // exactly 9999990000000000.0000000001
        }

        @Test
        void roundingTiesGoToTheEvenDigit() {
            // 1.00005 -> 1.0000; 1.00015 -> 1.0002
            assertThat(commission(BY_CLICK, terms("50", "0"), "2.0001", null)).isEqualByComparingTo("1.0000");
            assertThat(commission(BY_CLICK, terms("50", "0"), "2.0003", null)).isEqualByComparingTo("1.0002");
        }

        @Test
        void aCodeRateAppliesToEveryItemAndItsFlatReplacesTheTermsFlat() {
            Terms t = terms("8", "2", Map.of("pc-1", new Rate(d("5"), d("1"))), Map.of("shoes", d("20")));
            List<LineItem> items = List.of(item("shoes", 2, "50"), item(null, 1, "100"));

            assertThat(commission(BY_CODE, t, "200", items)).isEqualByComparingTo("11"); // 5 % of 200 + 1
            assertThat(CommissionRule.of(BY_CODE, t, d("200"), items).flat()).isEqualByComparingTo("1");
        }

        @Test
        void withoutACodeRateEachItemTakesItsCategoryRateElseTheTermsRate() {
            Terms t = terms("8", "2", Map.of("pc-9", new Rate(d("5"), d("1"))), Map.of("shoes", d("20")));
            List<LineItem> items = List.of(item("shoes", 2, "50"), item(null, 1, "100"), item("hats", 1, "10"));

            // shoes 100 x 20 % + 100 x 8 % + hats 10 x 8 % + 2
            assertThat(commission(BY_CODE, t, "210", items)).isEqualByComparingTo("30.8");
            assertThat(commission(BY_CLICK, t, "210", items)).isEqualByComparingTo("30.8");
        }

        @Test
        void categoriesCompareExactlyAsWritten() {
            Terms t = terms("0", "0", Map.of(), Map.of("Shoes", d("10")));
            assertThat(commission(BY_CLICK, t, null, List.of(item("shoes", 1, "100")))).isEqualByComparingTo("0");
        }

        @Test
        void withItemsTheAmountIsNotUsed() {
            assertThat(commission(BY_CLICK, terms("10", "0"), "1000", List.of(item(null, 3, "10"))))
                    .isEqualByComparingTo("3");
        }

        @Test
        void invalidAndUnattributedDecisionsAndDecisionsWithoutTermsHaveNone() {
            Verdict invalid = new Verdict(Outcome.INVALID, Reason.PROMO_CODE_OF_OTHER_PARTNER, "blog", Basis.CLICK,
                    PC1, null);
            Verdict unattributed = new Verdict(Outcome.UNATTRIBUTED, Reason.NO_CLICK_NO_CODE, null, null, null, null);

            assertThat(CommissionRule.of(invalid, terms("8", "1"), d("10"), null)).isNull();
            assertThat(CommissionRule.of(unattributed, terms("8", "1"), d("10"), null)).isNull();
            assertThat(CommissionRule.of(BY_CLICK, null, d("10"), null)).isNull();
        }

        @Test
        void aCommissionBeyondDecimal204IsLeftOutButTheTermsAreNamed() {
            Commission c = CommissionRule.of(BY_CLICK, terms("100", "9999999999999999.9999"),
                    d("9999999999999999.9999"), null);
            assertThat(c.value()).isNull();
            assertThat(c.termsId()).isEqualTo("t-1");
        }
    }

    @Nested
    class C4 {
        @Test
        void aReversalSetsItToZero() {
            assertThat(CommissionRule.adjusted(d("11"), d("1"), d("100"), null, true)).isEqualByComparingTo("0");
        }

        @Test
        void anAmountChangeScalesTheRatePartAndKeepsTheFlat() {
            // (11 - 1) x 50 / 100 + 1
            assertThat(CommissionRule.adjusted(d("11"), d("1"), d("100"), d("50"), false)).isEqualByComparingTo("6");
            assertThat(CommissionRule.adjusted(d("11"), d("1"), d("100"), d("0"), false)).isEqualByComparingTo("1");
        }

        @Test
        void itIsComputedExactlyAndRoundedHalfEvenOnce() {
            // 10 x 1 / 3 = 3.33333... -> 3.3333; 0.0001 x 1 / 2 = 0.00005 -> 0.0000 (tie to even)
            assertThat(CommissionRule.adjusted(d("10"), d("0"), d("3"), d("1"), false)).isEqualByComparingTo("3.3333")
                    .hasScaleOf(4);
            assertThat(CommissionRule.adjusted(d("0.0001"), d("0"), d("2"), d("1"), false)).isEqualByComparingTo("0");
            assertThat(CommissionRule.adjusted(d("0.0003"), d("0"), d("2"), d("1"), false))
                    .isEqualByComparingTo("0.0002");
        }

        @Test
        void fromAZeroOrAbsentAmountItStays() {
            assertThat(CommissionRule.adjusted(d("1.5"), d("1.5"), d("0"), d("10"), false)).isEqualByComparingTo("1.5");
            assertThat(CommissionRule.adjusted(d("1.5"), d("1.5"), null, d("10"), false)).isEqualByComparingTo("1.5");
        }

        @Test
        void aResultBeyondDecimal204Stays() {
            assertThat(CommissionRule.adjusted(d("10"), d("0"), d("0.0001"), d("9999999999999999.9999"), false))
                    .isEqualByComparingTo("10");
        }

        @Test
        void aDecisionWithoutCommissionKeepsNone() {
            assertThat(CommissionRule.adjusted(null, null, d("10"), d("5"), false)).isNull();
            assertThat(CommissionRule.adjusted(null, null, d("10"), null, true)).isNull();
        }
    }
}
