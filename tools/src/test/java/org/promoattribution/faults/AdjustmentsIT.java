package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.reversal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.local.LocalStack;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.simulate.SimEvent;

/**
 * SPEC "Adjustments" on a real broker: the order system sends orders, then refunds and changes,
 * some before their order's decision, some twice; and rule 7 across partitions: an order re-sent
 * under a session of another partition is paid once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjustmentsIT {
    private static final Instant NOW = Instant.now();
    private static final String ORDER_TIME = NOW.minus(Duration.ofMinutes(30)).toString();
    private static final String CLICK_TIME = NOW.minus(Duration.ofMinutes(40)).toString();
    private LocalStack stack;

    @BeforeAll
    void start() {
        stack = LocalStack.temporary().start();
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    private static String later(int minutes) {
        return NOW.minus(Duration.ofMinutes(30 - minutes)).toString();
    }

    private static SimEvent order(String id, String session) {
        return SimEvent.of(conversion(id, session, ORDER_TIME));
    }

    private static SimEvent clickOf(String id, String session) {
        return new SimEvent(SimEvent.Kind.CLICK, session, click(id, session, "blog", CLICK_TIME));
    }

    private static SimEvent adjusting(ConversionAdjustment adjustment) {
        return new SimEvent(SimEvent.Kind.ADJUSTMENT, adjustment.getConversionId(), adjustment);
    }

    @Test
    void refundsAndChangesAreAppliedOnceEachAndAnOrderReSentUnderAnotherPartitionsSessionIsPaidOnce(
            @TempDir Path dir) throws Exception {
        String s1 = "adjust-s1";
        String other = sessionOnAnotherPartitionThan(s1);
        try (Scenario scenario = new Scenario(stack, "adjustments", dir, "adjustment.max.wait", "PT20S")) {
            CommittedLog adjusted = scenario.adjustments;
            scenario.launch("only", "state").awaitRunning(0);
            // o4's refund comes before o4 itself; o9's order never comes
            scenario.send(List.of(adjusting(reversal("a4", "o4", later(1))), adjusting(reversal("a9", "o9", later(1)))));
            scenario.send(List.of(clickOf("c1", s1), clickOf("c2", "adjust-s2")));
            scenario.send(List.of(order("o1", s1), order("o2", "adjust-s2"), order("o3", "adjust-s3"),
                    order("o4", "adjust-s4")));
            scenario.awaitDecided(4);
            scenario.send(List.of(order("o1", other), order("o1", null)));
            ConversionAdjustment change = amountChange("a2", "o2", later(2), "12.5");
            scenario.send(List.of(adjusting(reversal("a1", "o1", later(2))), adjusting(change), adjusting(change),
                    adjusting(amountChange("a3", "o3", later(3), "20")), adjusting(reversal("a3b", "o3", later(4))),
                    adjusting(amountChange("a3c", "o3", later(5), "1"))));

            adjusted.await("7 adjustment decisions", records -> records.size() >= 7, Duration.ofSeconds(60));
            Thread.sleep(3_000); // a second decision of anything would show now
            List<AttributionDecision> decisions = scenario.decisions.records().stream()
                    .map(r -> scenario.decode(r.value())).toList();
            assertThat(decisions).extracting(AttributionDecision::getConversionId)
                    .containsExactlyInAnyOrder("o1", "o2", "o3", "o4");
            assertThat(decisions).filteredOn(d -> d.getConversionId().equals("o1")).singleElement()
                    .extracting(AttributionDecision::getSessionId).isEqualTo(s1);

            Map<String, AdjustmentDecision> byId = adjusted.records().stream()
                    .map(r -> scenario.decodeAdjustment(r.value()))
                    .collect(Collectors.toMap(AdjustmentDecision::getAdjustmentId, d -> d));
            assertThat(adjusted.records()).hasSize(7); // a2 once
            assertThat(byId.keySet()).containsExactlyInAnyOrder("a1", "a2", "a3", "a3b", "a3c", "a4", "a9");
            assertThat(byId.get("a1").getReason()).isEqualTo(AdjustmentReason.REVERSED);
            assertThat(byId.get("a1").getOutcome()).isEqualTo(Outcome.CREDITED);
            assertThat(byId.get("a1").getPartnerId()).isEqualTo("blog");
            assertThat(byId.get("a2").getReason()).isEqualTo(AdjustmentReason.AMOUNT_CHANGED);
            assertThat(byId.get("a2").getAmount()).isEqualByComparingTo("12.5");
            assertThat(byId.get("a3b").getPreviousAmount()).isEqualByComparingTo("20");
            assertThat(byId.get("a3c").getReason()).isEqualTo(AdjustmentReason.ALREADY_REVERSED);
            assertThat(byId.get("a4").getReason()).isEqualTo(AdjustmentReason.REVERSED);
            assertThat(byId.get("a4").getPreviousAmount()).isEqualByComparingTo("59.90");
            assertThat(byId.get("a9").getReason()).isEqualTo(AdjustmentReason.UNKNOWN_CONVERSION);
        }
    }

    /** A session id that Kafka's default partitioner puts on another partition than {@code session}'s. */
    private static String sessionOnAnotherPartitionThan(String session) {
        int partition = partitionOf(session);
        for (int i = 100; ; i++) {
            String candidate = "adjust-s" + i;
            if (partitionOf(candidate) != partition) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Scenario.PARTITIONS;
    }
}
