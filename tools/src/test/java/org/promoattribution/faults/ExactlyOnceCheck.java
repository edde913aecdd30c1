package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/**
 * The checker of the fault scenarios: the committed decisions hold exactly one decision per
 * conversion of the workload, none missing, none twice, none extra, each on its outcome's topic
 * and equal to what {@code simulate} decides for the same events; and the committed adjustment
 * decisions likewise one per adjustment simulate decides (SPEC A6), equal to its decision.
 */
final class ExactlyOnceCheck {
    /** The fields that say who gets credit and why (not decidedAt, which is the wall clock). */
    record Essence(Outcome outcome, Reason reason, String partnerId, Basis basis, String promoCodeId,
                   String promoCode, String dealId, String clickId, List<String> unmatchedCodes) {
        static Essence of(AttributionDecision d) {
            return new Essence(d.getOutcome(), d.getReason(), d.getPartnerId(), d.getBasis(), d.getPromoCodeId(),
                    d.getPromoCode(), d.getDealId(), d.getClickId(), List.copyOf(d.getUnmatchedCodes()));
        }
    }

    /** What an adjustment decision says (not decidedAt); amounts by value, whatever their scale. */
    record AdjustmentEssence(String conversionId, String programId, AdjustmentStatus status, AdjustmentReason reason,
                             Outcome outcome, String partnerId, BigDecimal previousAmount, BigDecimal amount) {
        static AdjustmentEssence of(AdjustmentDecision d) {
            return new AdjustmentEssence(d.getConversionId(), d.getProgramId(), d.getStatus(), d.getReason(),
                    d.getOutcome(), d.getPartnerId(), byValue(d.getPreviousAmount()), byValue(d.getAmount()));
        }

        private static BigDecimal byValue(BigDecimal amount) {
            return amount == null ? null : amount.stripTrailingZeros();
        }
    }

    /** The committed records, by id, against what simulate decides. */
    private record Comparison<E>(Map<String, E> wanted, Map<String, E> actual, Map<String, Integer> copies) {
        static <E> Comparison<E> of(Map<String, E> wanted) {
            return new Comparison<>(new TreeMap<>(wanted), new TreeMap<>(), new HashMap<>());
        }

        void committed(String id, E essence) {
            copies.merge(id, 1, Integer::sum);
            actual.put(id, essence);
        }

        int records() {
            return copies.values().stream().mapToInt(i -> i).sum();
        }

        Set<String> missing() {
            Set<String> missing = new TreeSet<>(wanted.keySet());
            missing.removeAll(actual.keySet());
            return missing;
        }

        Set<String> extra() {
            Set<String> extra = new TreeSet<>(actual.keySet());
            extra.removeAll(wanted.keySet());
            return extra;
        }

        Map<String, Integer> duplicated() {
            Map<String, Integer> duplicated = new TreeMap<>();
            copies.forEach((id, n) -> {
                if (n > 1) {
                    duplicated.put(id, n);
                }
            });
            return duplicated;
        }

        long differing() {
            return wanted.entrySet().stream()
                    .filter(e -> actual.containsKey(e.getKey()) && !actual.get(e.getKey()).equals(e.getValue())).count();
        }

        String counts() {
            return String.format(Locale.ROOT, "%d missing, %d duplicated, %d extra, %d different from simulate",
                    missing().size(), duplicated().size(), extra().size(), differing());
        }

        /** @param what the plural of what is decided: "conversions", "adjustments" */
        void assertExactlyOnce(String what) {
            assertThat(duplicated()).as(what + " decided more than once").isEmpty();
            assertThat(missing()).as(what + " never decided").isEmpty();
            assertThat(extra()).as("decisions of " + what + " never sent").isEmpty();
            assertThat(actual).as(what + "' decisions as simulate makes them").containsExactlyInAnyOrderEntriesOf(wanted);
        }
    }

    private ExactlyOnceCheck() {
    }

    /** Waits for every expected decision and adjustment decision, reads on a little, then checks and prints the counts. */
    static void verify(Scenario scenario, Workload workload, String faults) throws InterruptedException {
        scenario.awaitDecided(workload.expected.size(), Duration.ofSeconds(180));
        int adjustments = workload.expectedAdjustments.size();
        scenario.adjustments.await(adjustments + " adjustment decisions", records -> records.size() >= adjustments,
                Duration.ofSeconds(60));
        Thread.sleep(3_000); // a decision too many, committed a little later, must show too

        Comparison<Essence> decisions = Comparison.of(essences(workload.expected, Essence::of));
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (ConsumerRecord<byte[], byte[]> record : scenario.decisions.records()) {
            AttributionDecision decision = scenario.decode(record.value());
            String id = decision.getConversionId();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(id);
            assertThat(record.topic()).as(id + "'s topic").isEqualTo(scenario.topics.forOutcome(decision.getOutcome()));
            decisions.committed(id, Essence.of(decision));
            outcomes.merge(decision.getOutcome(), 1, Integer::sum);
        }
        Comparison<AdjustmentEssence> adjusted = Comparison.of(
                essences(workload.expectedAdjustments, AdjustmentEssence::of));
        Map<AdjustmentReason, Integer> reasons = new EnumMap<>(AdjustmentReason.class);
        for (ConsumerRecord<byte[], byte[]> record : scenario.adjustments.records()) {
            AdjustmentDecision decision = scenario.decodeAdjustment(record.value());
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(decision.getConversionId());
            adjusted.committed(decision.getAdjustmentId(), AdjustmentEssence.of(decision));
            reasons.merge(decision.getReason(), 1, Integer::sum);
        }

        System.out.printf(Locale.ROOT, "[faults] %s: %s%n[faults] %s: sent %s; %d records decided %d conversions %s;"
                        + " %s; %d adjustment records decided %d adjustments %s; %s%n",
                scenario.name, faults, scenario.name, workload.totals, decisions.records(), decisions.actual().size(),
                outcomes, decisions.counts(), adjusted.records(), adjusted.actual().size(), reasons, adjusted.counts());

        decisions.assertExactlyOnce("conversions");
        adjusted.assertExactlyOnce("adjustments");
    }

    private static <D, E> Map<String, E> essences(Map<String, D> decisions, Function<D, E> essence) {
        Map<String, E> essences = new TreeMap<>();
        decisions.forEach((id, d) -> essences.put(id, essence.apply(d)));
        return essences;
    }
}
