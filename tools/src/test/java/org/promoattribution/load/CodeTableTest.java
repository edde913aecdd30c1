package org.promoattribution.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;

class CodeTableTest {

    private static TrafficProfile profile(int codes, double regexShare, double scheduledShare,
                                          Map<CreditPolicy, Integer> weights) {
        TrafficProfile d = TrafficProfile.defaults();
        return new TrafficProfile(3, d.clicks(), codes, d.conversionRatio(), regexShare, scheduledShare, weights,
                d.duplicateShare(), d.programs(), d.partners(), d.start());
    }

    @Test
    void theMixIsExactlyTheConfiguredOne() {
        CodeTable table = CodeTable.generate(profile(200, 0.3, 0.1,
                Map.of(CreditPolicy.ALWAYS, 1, CreditPolicy.IF_INVOLVED, 1, CreditPolicy.IF_WINNER, 2)));

        List<PromoCode> codes = table.definitions();
        assertThat(codes).hasSize(200);
        assertThat(codes.stream().filter(c -> c.getMatchType() == MatchType.REGEX)).hasSize(60);
        assertThat(codes.stream().filter(c -> c.getValidFrom() != null || c.getValidTo() != null)).hasSize(20);
        assertThat(codes.stream().collect(Collectors.groupingBy(PromoCode::getCreditPolicy, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        CreditPolicy.ALWAYS, 50L, CreditPolicy.IF_INVOLVED, 50L, CreditPolicy.IF_WINNER, 100L));
    }

    @Test
    void aPolicyWeighedZeroIsLeftOut() {
        CodeTable table = CodeTable.generate(profile(30, 0.2, 0, Map.of(CreditPolicy.IF_WINNER, 1)));

        assertThat(table.definitions()).allMatch(c -> c.getCreditPolicy() == CreditPolicy.IF_WINNER)
                .allMatch(c -> c.getValidFrom() == null && c.getValidTo() == null);
    }

    @Test
    void alwaysCodesBelongToTheCouponSitesAndTheOthersToEveryoneElse() {
        TrafficProfile profile = TrafficProfile.defaults().withCodes(100);
        CodeTable table = CodeTable.generate(profile);

        assertThat(table.definitions()).allMatch(c -> (c.getCreditPolicy() == CreditPolicy.ALWAYS)
                == profile.alwaysPartners().contains(c.getPartnerId()));
    }

    @Test
    void everyDefinitionPassesThePipelinesChecksAndIdsSortInTableOrder() {
        CodeTable table = CodeTable.generate(TrafficProfile.defaults().withCodes(500));

        table.definitions().forEach(CodeDefinitions::from); // throws for an invalid pattern or schedule
        List<String> ids = table.definitions().stream().map(PromoCode::getPromoCodeId).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(table.definitions().stream().filter(c -> c.getMatchType() == MatchType.EXACT)
                .map(c -> c.getProgramId() + "/" + c.getCode())).doesNotHaveDuplicates();
    }

    @Test
    void theSameSeedGivesTheSameTable() {
        TrafficProfile profile = TrafficProfile.defaults().withCodes(80);

        assertThat(CodeTable.generate(profile).definitions()).isEqualTo(CodeTable.generate(profile).definitions());
        assertThat(CodeTable.generate(profile.withSeed(2)).definitions())
                .isNotEqualTo(CodeTable.generate(profile).definitions());
    }

    @Test
    void spreadRoundsSharesSoTheCountsAddUp() {
        List<String> values = CodeTable.spread(10, List.of("a", "b", "c"), new double[] {1, 1, 1}, new Random(1));

        assertThat(values).hasSize(10);
        assertThat(values.stream().filter("a"::equals).count()).isEqualTo(3);
        assertThat(values.stream().filter("b"::equals).count()).isEqualTo(4);
    }
}
