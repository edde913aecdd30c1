package org.promoattribution.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.commission.Terms;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.validation.TermsDefinitions;

class SampleTermsTest {

    @Test
    void theBenchsTermsAreValidDefaultsAndOwnTermsOfHalfThePartnersWithACodeRateForEachOfTheirCodes() {
        TrafficProfile profile = TrafficProfile.defaults();
        CodeTable codes = CodeTable.generate(profile);

        List<CommissionTerms> terms = SampleTerms.halfThePartners(profile, codes);

        List<Terms> checked = terms.stream().map(t -> TermsDefinitions.from(t, Duration.ofDays(90))).toList();
        assertThat(checked).hasSize(profile.programs().size() * (1 + profile.partners().size() / 2));
        assertThat(checked).filteredOn(t -> t.partnerId() == null).hasSize(profile.programs().size())
                .allSatisfy(t -> assertThat(t.categoryRates().size()).isPositive());
        assertThat(checked.stream().map(Terms::partnerId).filter(p -> p != null).distinct())
                .hasSize(profile.partners().size() / 2);
        for (Terms own : checked.stream().filter(t -> t.partnerId() != null).toList()) {
            assertThat(own.codeRates().promoCodeIds()).containsExactlyInAnyOrderElementsOf(
                    codes.ofPartner(own.programId(), own.partnerId()).stream().map(c -> c.getPromoCodeId()).toList());
        }
        assertThat(checked).anySatisfy(t -> assertThat(t.codeRates().size()).isPositive())
                .anySatisfy(t -> assertThat(t.referralWindow()).isEqualTo(Duration.ofDays(45)))
                .anySatisfy(t -> assertThat(t.referralWindow()).isNull());
    }
}
