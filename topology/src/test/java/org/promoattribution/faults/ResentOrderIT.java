package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.conversion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.local.LocalStack;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.simulate.SimEvent;

/**
 * SPEC rule 7 across partitions: an order system re-sends an order under another session, whose
 * clicks and orders live on another partition; the order is paid once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResentOrderIT {
    private static final String LATER = Instant.now().minus(Duration.ofMinutes(30)).toString();
    private LocalStack stack;

    @BeforeAll
    void start() {
        stack = LocalStack.temporary().start();
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void anOrderReSentUnderASessionOfAnotherPartitionIsDecidedOnce(@TempDir Path dir) throws Exception {
        String first = "resent-s1";
        String other = sessionOnAnotherPartitionThan(first);
        try (Scenario scenario = new Scenario(stack, "resent", dir)) {
            scenario.launch("only", "state").awaitRunning(0);
            scenario.send(List.of(event(first, "o1"), event(other, "o1"), event(null, "o1"), event(other, "o2")));

            scenario.awaitDecided(2);
            Thread.sleep(3_000); // a second decision of o1 would show now
            List<AttributionDecision> decisions = scenario.decisions.records().stream()
                    .map(r -> scenario.decode(r.value())).toList();
            assertThat(decisions).extracting(AttributionDecision::getConversionId).containsExactlyInAnyOrder("o1", "o2");
        }
    }

    private static SimEvent event(String session, String conversionId) {
        return new SimEvent(SimEvent.Kind.CONVERSION, session == null ? conversionId : session,
                conversion(conversionId, session, LATER));
    }

    /** A session id that Kafka's default partitioner puts on another partition than {@code session}'s. */
    private static String sessionOnAnotherPartitionThan(String session) {
        int partition = partitionOf(session);
        for (int i = 2; ; i++) {
            String candidate = "resent-s" + i;
            if (partitionOf(candidate) != partition) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Scenario.PARTITIONS;
    }
}
