package org.promoattribution.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.inProgram;
import static org.promoattribution.testing.Fixtures.reversal;
import static org.promoattribution.testing.Fixtures.terms;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.explain.ReasonText;
import org.promoattribution.testing.AttributionDriver;

/** The overview's commission of a month per partner, from the decision ledger, after adjustments. */
class MonthCommissionTest {
    @Test
    void sumsTheMonthsCreditedOrdersPerPartnerAfterAdjustments() {
        try (AttributionDriver driver = new AttributionDriver()) {
            driver.terms(terms("t-default", null, "5").build(), terms("t-blog", "blog", "10").build());
            driver.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"), click("c2", "s2", "blog", "2026-06-02T10:00:00Z"),
                    click("c3", "s3", "news", "2026-06-03T10:00:00Z"), click("c4", "s4", "news", "2026-07-01T10:00:00Z"),
                    inProgram(click("c5", "s5", "blog", "2026-06-04T10:00:00Z"), "other"));
            driver.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"), conversion("o2", "s2", "2026-06-02T10:05:00Z"),
                    conversion("o3", "s3", "2026-06-03T10:05:00Z"), conversion("o4", "s4", "2026-07-01T10:05:00Z"),
                    conversion("o5", "s9", "2026-06-03T10:05:00Z"), // no click: unattributed
                    inProgram(conversion("o6", "s5", "2026-06-04T10:05:00Z"), "other")); // no terms: no commission
            driver.adjustments(amountChange("a1", "o2", "2026-06-05T09:00:00Z", "29.95"),
                    reversal("a2", "o3", "2026-06-06T09:00:00Z"));

            List<MonthCommission.Partner> june = MonthCommission.of(driver.driver().getWindowStore(
                    StoreNames.DECISION_LEDGER), YearMonth.parse("2026-06"), Duration.ofHours(1), 10);

            // blog: 5.99 + 2.995; news: o3 refunded; other's blog: credited without terms.
            assertThat(june).extracting(MonthCommission.Partner::programId, MonthCommission.Partner::partnerId,
                    MonthCommission.Partner::credited).containsExactly(
                    tuple("acme", "blog", 2L),
                    tuple("acme", "news", 1L),
                    tuple("other", "blog", 1L));
            assertThat(june.get(0).commission()).isEqualByComparingTo("8.985");
            assertThat(june.get(1).commission()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(june.get(2).commission()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(MonthCommission.of(driver.driver().getWindowStore(StoreNames.DECISION_LEDGER),
                    YearMonth.parse("2026-06"), Duration.ofHours(1), 1)).hasSize(1);
        }
    }

    @Test
    void explainTellsTheCommissionAndWhereItStandsAfterAdjustments() {
        try (AttributionDriver driver = new AttributionDriver()) {
            driver.terms(terms("t-blog", "blog", "10").setReferralWindow("P45D").build());
            driver.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"));
            driver.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            driver.adjustments(amountChange("a1", "o1", "2026-06-05T09:00:00Z", "29.95"));

            assertThat(ReasonText.of(driver.explanation("o1"))).endsWith(
                    "in the 45-day referral window (click c1 at 2026-06-01T10:00:00Z) and no promo code was typed. "
                            + "Commission 5.99 USD under terms t-blog.");
            var standing = driver.standing("acme", "o1").orElseThrow();
            assertThat(standing.currentCommission()).isEqualByComparingTo("2.995");
            assertThat(standing.adjustments().get(0).previousCommission()).isEqualByComparingTo("5.99");
            assertThat(standing.adjustments().get(0).commission()).isEqualByComparingTo("2.995");
        }
    }
}
