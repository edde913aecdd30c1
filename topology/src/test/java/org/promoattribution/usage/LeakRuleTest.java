package org.promoattribution.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC "Promo-code usage and leaks": leaking when withoutOwnerClick ≥ leak.min.uses and ≥ leak.ratio × uses. */
class LeakRuleTest {

    @ParameterizedTest(name = "ratio {0}: {2} of {1} uses without an owner click leak")
    @CsvSource({"0.28, 25, 7", "0.07, 100, 7", "0.14, 50, 7", "0.55, 100, 55", "0.56, 25, 14", "0.68, 75, 51",
            "0.5, 20, 10", "1, 12, 12"})
    void exactlyTheRatioTimesTheUsesLeaks(String ratio, long uses, long withoutOwnerClick) {
        LeakRule rule = new LeakRule(1, new BigDecimal(ratio));
        assertThat(rule.leaking(uses, withoutOwnerClick, false)).isTrue();
        assertThat(rule.leaking(uses + 1, withoutOwnerClick, false)).as("one use more").isFalse();
    }

    @ParameterizedTest(name = "{1} uses without an owner click under leak.min.uses {0} do not leak")
    @CsvSource({"10, 9", "2, 1"})
    void fewerThanTheMinimumUsesDoNotLeakWhateverTheirShare(int minUses, long withoutOwnerClick) {
        LeakRule rule = new LeakRule(minUses, new BigDecimal("0.5"));
        assertThat(rule.leaking(withoutOwnerClick, withoutOwnerClick, false)).isFalse();
        assertThat(rule.leaking(minUses, minUses, false)).isTrue();
    }

    @ParameterizedTest(name = "an ALWAYS code never leaks ({0} of {0} uses)")
    @CsvSource({"10", "1000"})
    void alwaysCodesNeverLeak(long uses) {
        assertThat(new LeakRule(1, new BigDecimal("0.5")).leaking(uses, uses, true)).isFalse();
    }
}
