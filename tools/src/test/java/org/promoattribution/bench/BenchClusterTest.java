package org.promoattribution.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.Topics;

class BenchClusterTest {

    /** Nothing is reached: topic names only. */
    private static BenchCluster unreachable() {
        Properties settings = new Properties();
        settings.setProperty("bootstrap.servers", "127.0.0.1:1");
        settings.setProperty("schema.registry.url", "http://127.0.0.1:1");
        return new BenchCluster(settings);
    }

    @Test
    void eachScenarioHasInputsOfItsOwn_commissionTermsIncluded_andEachRunItsOwnValidatedTables() {
        try (BenchCluster cluster = unreachable()) {
            Topics withTerms = cluster.scenarioConfig(Scenario.WITH_TERMS).topics();
            Topics main = cluster.scenarioConfig(Scenario.MAIN).topics();
            Topics run = cluster.run(Scenario.WITH_TERMS, BenchResults.ATTRIBUTION, Map.of(),
                    Guarantee.EXACTLY_ONCE_V2, Path.of("unused")).config().topics();
            Topics other = cluster.run(Scenario.MAIN, BenchResults.ATTRIBUTION, Map.of(),
                    Guarantee.EXACTLY_ONCE_V2, Path.of("unused")).config().topics();

            // the terms written for the workload with terms are read by its runs, and by no other
            assertThat(withTerms.commissionTerms()).isNotEqualTo(main.commissionTerms())
                    .isNotEqualTo(Topics.DEFAULTS.commissionTerms());
            assertThat(run.commissionTerms()).isEqualTo(withTerms.commissionTerms());
            assertThat(other.commissionTerms()).isEqualTo(main.commissionTerms());
            assertThat(run.promoCodes()).isEqualTo(withTerms.promoCodes());
            assertThat(run.validatedCommissionTerms()).isNotEqualTo(other.validatedCommissionTerms());
            assertThat(run.validatedPromoCodes()).isNotEqualTo(other.validatedPromoCodes());
        }
    }
}
