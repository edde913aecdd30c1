package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.simulate.Simulator;

/**
 * A seeded workload for the fault tests: promo codes of every policy and match type (some
 * scheduled), a few hundred sessions of clicks and orders from the load generator, 5% of them
 * delivered twice, optionally refunds and amount changes of some orders among them, and the
 * decisions and adjustment decisions {@code simulate} gives for exactly these events: what the
 * live pipeline must write, fault or no fault.
 */
final class Workload {
    /** Every this many adjustments one is delivered again, a little later (SPEC A6). */
    private static final int RESENT_EVERY = 3;
    /** Every this many adjustments one is followed by an amount change, a little later (SPEC A2). */
    private static final int FOLLOWED_EVERY = 4;
    /** How many events later an adjustment comes again or is followed. */
    private static final int LATER = 25;

    final List<SimEvent> codes;
    final List<SimEvent> traffic;
    final TrafficTotals totals;
    /** Expected decisions by conversionId. */
    final Map<String, AttributionDecision> expected;
    /** Expected adjustment decisions by adjustmentId. */
    final Map<String, AdjustmentDecision> expectedAdjustments;

    private Workload(List<SimEvent> codes, List<SimEvent> traffic, TrafficTotals totals,
                     Map<String, AttributionDecision> expected, Map<String, AdjustmentDecision> expectedAdjustments) {
        this.codes = codes;
        this.traffic = traffic;
        this.totals = totals;
        this.expected = expected;
        this.expectedAdjustments = expectedAdjustments;
    }

    /**
     * @param start event time of the first session. Records carry event time as timestamp, and
     *              the broker deletes records older than a topic's retention.ms (7 days by
     *              default) and refuses ones more than an hour ahead: keep it within the last days.
     */
    static Workload generate(long seed, int clicks, Instant start) {
        return generate(seed, clicks, start, 0);
    }

    /**
     * @param adjustmentEvery every this many orders one is refunded or changed, within the hour after it
     *                        (0: none); some of these adjustments come twice, some are followed by a change
     */
    static Workload generate(long seed, int clicks, Instant start, int adjustmentEvery) {
        TrafficProfile defaults = TrafficProfile.defaults();
        TrafficProfile profile = new TrafficProfile(seed, clicks, 24, defaults.conversionRatio(),
                defaults.regexShare(), defaults.scheduledShare(), defaults.policyWeights(), 0.05,
                defaults.programs(), defaults.partners(), start);
        CodeTable table = CodeTable.generate(profile);
        TrafficGenerator generator = new TrafficGenerator(profile, table, 0, adjustmentEvery);
        List<SimEvent> generated = new ArrayList<>();
        generator.forEachRemaining(generated::add);
        List<SimEvent> traffic = withAdjustmentsAgain(generated);
        Map<String, AttributionDecision> decisions = new LinkedHashMap<>();
        Map<String, AdjustmentDecision> adjustments = new LinkedHashMap<>();
        simulate(table.events(), traffic, decisions, adjustments);
        return new Workload(table.events(), traffic, generator.totals(), decisions, adjustments);
    }

    /**
     * The traffic with some of its adjustments sent again {@value #LATER} events later, as the
     * order system would: every {@value #RESENT_EVERY}rd re-delivered as it was, and every
     * {@value #FOLLOWED_EVERY}th, unless re-delivered, followed by a change of the amount (which a
     * refund before it rejects).
     */
    private static List<SimEvent> withAdjustmentsAgain(List<SimEvent> generated) {
        List<SimEvent> traffic = new ArrayList<>(generated.size());
        TreeMap<Integer, List<SimEvent>> due = new TreeMap<>();
        int adjustments = 0;
        for (int i = 0; i < generated.size(); i++) {
            SimEvent event = generated.get(i);
            traffic.add(event);
            traffic.addAll(due.getOrDefault(i, List.of()));
            if (event.kind() != SimEvent.Kind.ADJUSTMENT) {
                continue;
            }
            adjustments++;
            if (adjustments % RESENT_EVERY == 0) {
                due.computeIfAbsent(i + LATER, at -> new ArrayList<>()).add(event);
            } else if (adjustments % FOLLOWED_EVERY == 0) {
                due.computeIfAbsent(i + LATER, at -> new ArrayList<>()).add(change(event));
            }
        }
        due.tailMap(generated.size()).values().forEach(traffic::addAll);
        return traffic;
    }

    /** A change of the adjusted order's total to 10, a minute after {@code adjustment}. */
    private static SimEvent change(SimEvent adjustment) {
        ConversionAdjustment first = (ConversionAdjustment) adjustment.value();
        ConversionAdjustment change = ConversionAdjustment.newBuilder(first)
                .setAdjustmentId(first.getAdjustmentId() + "-then")
                .setTimestamp(first.getTimestamp().plus(Duration.ofMinutes(1)))
                .setKind(AdjustmentKind.AMOUNT_CHANGE)
                .setAmount(BigDecimal.TEN.setScale(4))
                .build();
        return new SimEvent(SimEvent.Kind.ADJUSTMENT, adjustment.key(), change);
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

    private static void simulate(List<SimEvent> codes, List<SimEvent> traffic, Map<String, AttributionDecision> decisions,
                                 Map<String, AdjustmentDecision> adjustments) {
        try (Simulator simulator = new Simulator(new Properties(), new AttributionMetrics(new SimpleMeterRegistry()),
                Instant.now())) {
            for (SimEvent event : concat(codes, traffic)) {
                Simulator.Step step = simulator.send(event);
                assertThat(step.rejection()).as("generated events are valid").isNull();
                remember(step, decisions, adjustments);
            }
            remember(simulator.finish(), decisions, adjustments);
        }
    }

    private static void remember(Simulator.Step step, Map<String, AttributionDecision> decisions,
                                 Map<String, AdjustmentDecision> adjustments) {
        step.decisions().forEach(d -> decisions.put(d.getConversionId(), d));
        step.adjustments().forEach(a -> assertThat(adjustments.put(a.getAdjustmentId(), a))
                .as("simulate decides adjustment %s once", a.getAdjustmentId()).isNull());
    }

    private static List<SimEvent> concat(List<SimEvent> first, List<SimEvent> second) {
        List<SimEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
