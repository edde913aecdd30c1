package org.promoattribution.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchPlanTest {

    @Test
    void mainOnly_keepsTheMainWorkloadsExactlyOnceRounds_andDropsAtLeastOnceAndTheCurves() {
        BenchPlan quick = BenchPlan.quick();
        BenchPlan mainOnly = quick.mainOnly();

        assertThat(mainOnly.clicks()).isEqualTo(quick.clicks());
        assertThat(mainOnly.mainRounds(Guarantee.EXACTLY_ONCE_V2)).isEqualTo(quick.mainRounds(Guarantee.EXACTLY_ONCE_V2));
        assertThat(mainOnly.pacedDuration()).isEqualTo(quick.pacedDuration());
        assertThat(quick.mainRounds(Guarantee.AT_LEAST_ONCE)).isEqualTo(1);
        assertThat(mainOnly.mainRounds(Guarantee.AT_LEAST_ONCE)).isZero();
        assertThat(mainOnly.regexCodes()).isEmpty();
        assertThat(mainOnly.sessionLengths()).isEmpty();
        assertThat(mainOnly.sessions()).isEmpty();
    }
}
