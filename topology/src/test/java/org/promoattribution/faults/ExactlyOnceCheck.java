package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;

/**
 * The checker of the fault scenarios: the committed decisions hold exactly one decision per
 * conversion of the workload, none missing, none twice, none extra, each on its outcome's topic
 * and equal to what {@code simulate} decides for the same events.
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

    private ExactlyOnceCheck() {
    }

    /** Waits for every expected decision, reads on a little, then checks and prints the counts. */
    static void verify(Scenario scenario, Workload workload, String faults) throws InterruptedException {
        Map<String, AttributionDecision> expected = workload.expected;
        scenario.awaitDecided(expected.size(), Duration.ofSeconds(180));
        Thread.sleep(3_000); // a decision too many, committed a little later, must show too

        Map<String, Integer> copies = new HashMap<>();
        Map<String, Essence> actual = new TreeMap<>();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (ConsumerRecord<byte[], byte[]> record : scenario.decisions.records()) {
            AttributionDecision decision = scenario.decode(record.value());
            String id = decision.getConversionId();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(id);
            assertThat(record.topic()).as(id + "'s topic").isEqualTo(scenario.topics.forOutcome(decision.getOutcome()));
            copies.merge(id, 1, Integer::sum);
            actual.put(id, Essence.of(decision));
            outcomes.merge(decision.getOutcome(), 1, Integer::sum);
        }
        Map<String, Essence> wanted = new TreeMap<>();
        expected.forEach((id, d) -> wanted.put(id, Essence.of(d)));
        Set<String> missing = new TreeSet<>(wanted.keySet());
        missing.removeAll(actual.keySet());
        Set<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(wanted.keySet());
        Map<String, Integer> duplicated = new TreeMap<>();
        copies.forEach((id, n) -> {
            if (n > 1) {
                duplicated.put(id, n);
            }
        });
        long differing = wanted.entrySet().stream()
                .filter(e -> actual.containsKey(e.getKey()) && !actual.get(e.getKey()).equals(e.getValue())).count();

        System.out.printf(Locale.ROOT, "[faults] %s: %s%n[faults] %s: sent %s; %d records decided %d conversions %s;"
                        + " %d missing, %d duplicated, %d extra, %d different from simulate%n",
                scenario.name, faults, scenario.name, workload.totals, copies.values().stream().mapToInt(i -> i).sum(),
                actual.size(), outcomes, missing.size(), duplicated.size(), extra.size(), differing);

        assertThat(duplicated).as("conversions decided more than once").isEmpty();
        assertThat(missing).as("conversions never decided").isEmpty();
        assertThat(extra).as("decisions of conversions never sent").isEmpty();
        assertThat(actual).as("decisions as simulate makes them").containsExactlyInAnyOrderEntriesOf(wanted);
    }
}
