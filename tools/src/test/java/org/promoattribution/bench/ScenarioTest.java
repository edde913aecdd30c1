package org.promoattribution.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.promoattribution.load.CodeTable;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.simulate.Simulator;

class ScenarioTest {

    @Test
    void theWorkloadWithTermsIsTheMainOnesClicksAndOrdersWithItems_andItsCreditedDecisionsCarryCommission() {
        Scenario plain = Scenario.main(1_000);
        Scenario withTerms = Scenario.withTerms(1_000);
        List<SimEvent> traffic = events(withTerms);

        assertThat(events(plain)).hasSameSizeAs(traffic);
        assertThat(traffic).filteredOn(e -> e.kind() == SimEvent.Kind.CONVERSION)
                .allSatisfy(e -> assertThat(((Conversion) e.value()).getItems()).isNotEmpty());
        assertThat(plain.terms(plain.codes())).isEmpty();

        List<AttributionDecision> credited = new ArrayList<>();
        try (Simulator simulator = new Simulator(new Properties(), new AttributionMetrics(new SimpleMeterRegistry()),
                Instant.parse("2026-07-01T00:00:00Z"))) {
            CodeTable codes = withTerms.codes();
            List<SimEvent> all = new ArrayList<>(codes.events());
            all.addAll(withTerms.terms(codes));
            all.addAll(traffic);
            for (SimEvent event : all) {
                Simulator.Step step = simulator.send(event);
                assertThat(step.rejection()).as("the bench's records are valid").isNull();
                step.decisions().stream().filter(d -> d.getOutcome() == Outcome.CREDITED).forEach(credited::add);
            }
        }
        assertThat(credited).isNotEmpty().allSatisfy(d -> assertThat(d.getCommission()).isPositive());
        // own terms of half the partners, the program's defaults for the others
        assertThat(credited).extracting(AttributionDecision::getTermsId)
                .anyMatch(id -> id.endsWith("-default")).anyMatch(id -> !id.endsWith("-default"));
    }

    private static List<SimEvent> events(Scenario scenario) {
        List<SimEvent> events = new ArrayList<>();
        scenario.traffic(scenario.codes()).forEachRemaining(events::add);
        return events;
    }
}
