package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.simulate.Simulator;
import org.promoattribution.streams.AttributionMetrics;

/**
 * A seeded workload for the fault tests: promo codes of every policy and match type (some
 * scheduled), a few hundred sessions of clicks and orders from the load generator, 5% of them
 * delivered twice, and the decisions {@code simulate} gives for exactly these events: what the
 * live pipeline must write, fault or no fault.
 */
final class Workload {
    final List<SimEvent> codes;
    final List<SimEvent> traffic;
    final TrafficTotals totals;
    /** Expected decisions by conversionId. */
    final Map<String, AttributionDecision> expected;

    private Workload(List<SimEvent> codes, List<SimEvent> traffic, TrafficTotals totals,
                     Map<String, AttributionDecision> expected) {
        this.codes = codes;
        this.traffic = traffic;
        this.totals = totals;
        this.expected = expected;
    }

    /**
     * @param start event time of the first session. Records carry event time as timestamp, and
     *              the broker deletes records older than a topic's retention.ms (7 days by
     *              default) and refuses ones more than an hour ahead: keep it within the last days.
     */
    static Workload generate(long seed, int clicks, Instant start) {
        TrafficProfile defaults = TrafficProfile.defaults();
        TrafficProfile profile = new TrafficProfile(seed, clicks, 24, defaults.conversionRatio(),
                defaults.regexShare(), defaults.scheduledShare(), defaults.policyWeights(), 0.05,
                defaults.programs(), defaults.partners(), start);
        CodeTable table = CodeTable.generate(profile);
        TrafficGenerator generator = new TrafficGenerator(profile, table);
        List<SimEvent> traffic = new ArrayList<>();
        generator.forEachRemaining(traffic::add);
        return new Workload(table.events(), traffic, generator.totals(), simulate(table.events(), traffic));
    }

    /**
     * A consecutive part of the traffic, and how many conversions are owed a decision before and
     * after it: a fault injected at {@link #midway()} strikes while the pipeline works on it.
     */
    record Slice(List<SimEvent> events, int owedBefore, int owedAfter) {
        int midway() {
            return (owedBefore + owedAfter) / 2;
        }
    }

    /** The traffic cut in {@code parts} consecutive slices: a session's events stay in order. */
    List<Slice> slices(int parts) {
        List<Slice> slices = new ArrayList<>(parts);
        Set<String> owed = new HashSet<>();
        for (int i = 0; i < parts; i++) {
            List<SimEvent> events = traffic.subList(i * traffic.size() / parts, (i + 1) * traffic.size() / parts);
            int before = owed.size();
            events.stream().filter(e -> e.kind() == SimEvent.Kind.CONVERSION)
                    .forEach(e -> owed.add(((Conversion) e.value()).getConversionId()));
            slices.add(new Slice(events, before, owed.size()));
        }
        return slices;
    }

    private static Map<String, AttributionDecision> simulate(List<SimEvent> codes, List<SimEvent> traffic) {
        Map<String, AttributionDecision> decisions = new LinkedHashMap<>();
        try (Simulator simulator = new Simulator(new Properties(), new AttributionMetrics(new SimpleMeterRegistry()),
                Instant.now())) {
            for (SimEvent event : concat(codes, traffic)) {
                Simulator.Step step = simulator.send(event);
                assertThat(step.rejection()).as("generated events are valid").isNull();
                step.decisions().forEach(d -> decisions.put(d.getConversionId(), d));
            }
            simulator.finish().decisions().forEach(d -> decisions.put(d.getConversionId(), d));
        }
        return decisions;
    }

    private static List<SimEvent> concat(List<SimEvent> first, List<SimEvent> second) {
        List<SimEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
