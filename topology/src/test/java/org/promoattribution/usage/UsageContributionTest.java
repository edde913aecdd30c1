package org.promoattribution.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Contributions to one (definition, day) add up, so that many orders can travel as one record. */
class UsageContributionTest {
    private static final UsageKey PC1_JUNE_1 = new UsageKey("pc-1", LocalDate.parse("2026-06-01"));

    @Test
    void oneUseCountsOneUseAndOneOfEachConditionThatHolds() {
        UsageContribution one = UsageContribution.oneUse(PC1_JUNE_1, "acme", "blog", true, false, true, false);
        assertThat(one).isEqualTo(new UsageContribution(PC1_JUNE_1, "acme", "blog", false, 1, 1, 0, 1));
    }

    @Test
    void contributionsAddTheirCountsAndKeepTheLaterDefinition() {
        UsageContribution earlier = UsageContribution.oneUse(PC1_JUNE_1, "acme", "blog", true, false, false, false);
        UsageContribution later = UsageContribution.oneUse(PC1_JUNE_1, "acme", "coupons", false, true, true, true);
        assertThat(earlier.plus(later)).isEqualTo(new UsageContribution(PC1_JUNE_1, "acme", "coupons", true, 2, 1, 1, 1));
    }

    @Test
    void contributionsToAnotherDefinitionOrDayDoNotAddUp() {
        UsageContribution june1 = UsageContribution.oneUse(PC1_JUNE_1, "acme", "blog", true, false, false, false);
        UsageContribution june2 = UsageContribution.oneUse(new UsageKey("pc-1", LocalDate.parse("2026-06-02")),
                "acme", "blog", true, false, false, false);
        assertThatThrownBy(() -> june1.plus(june2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summedFiguresEqualTheFiguresAddedOneByOne() {
        LeakRule rule = new LeakRule(2, new BigDecimal("0.5"));
        UsageContribution a = UsageContribution.oneUse(PC1_JUNE_1, "acme", "blog", false, false, true, false);
        UsageContribution b = UsageContribution.oneUse(PC1_JUNE_1, "acme", "blog", true, true, false, false);
        UsageContribution c = UsageContribution.oneUse(PC1_JUNE_1, "acme", "blog", false, false, true, false);
        assertThat(UsageFigures.add(null, a.plus(b).plus(c), rule))
                .isEqualTo(UsageFigures.add(UsageFigures.add(UsageFigures.add(null, a, rule), b, rule), c, rule));
    }
}
