package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.regex;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.deadletter.DeadLetterHeaders;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Reason;

/**
 * SPEC Limits, "Matching is linear and bounded", on a real broker: the definitions that exhausted
 * the heap (issue 22) are refused as INVALID_PATTERN one by one, a valid definition of thousands
 * of states is matched, and the orders around them are decided, in a 256 MB heap (the pom's
 * {@code small-heap} execution) such as those definitions once exhausted.
 */
class HostileDefinitionsIT {

    @Test
    void limits_definitionsBeyondTheStateBoundAreRefusedAndTheOrdersAroundThemDecided(@TempDir Path dir)
            throws Exception {
        assumeThat(Runtime.getRuntime().maxMemory()).as("run by the small-heap execution, -Xmx256m")
                .isLessThanOrEqualTo(256L << 20);
        try (LivePipeline pipeline = new LivePipeline(dir)) {
            pipeline.startApp();
            pipeline.sendAndAwait(exact("pc-ok", "SUMMER10", "blog", CreditPolicy.IF_INVOLVED));
            List<String> hostile = IntStream.range(0, 7).mapToObj(i -> "pc-h" + i).toList();
            for (int i = 0; i < hostile.size(); i++) {
                pipeline.send(regex(hostile.get(i), "(?:" + "a?".repeat(349) + "){1000}!" + i, "coupons",
                        CreditPolicy.ALWAYS));
            }
            pipeline.sendAndAwait(regex("pc-heavy", "(?:.?){1000}Z", "coupons", CreditPolicy.ALWAYS));

            String adversarial = "a".repeat(999);
            pipeline.send(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"));
            pipeline.send(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10", adversarial));
            pipeline.send(conversion("o2", "s2", "2026-06-01T10:06:00Z", "a".repeat(500) + "Z"));

            List<AttributionDecision> decisions = pipeline.decisionsOnceDecided("o1", "o2");
            assertThat(decisions).extracting(AttributionDecision::getReason)
                    .containsExactlyInAnyOrder(Reason.PROMO_CODE_INVOLVED, Reason.PROMO_CODE_ALWAYS);
            assertThat(decisions).filteredOn(d -> d.getConversionId().equals("o2"))
                    .extracting(AttributionDecision::getPromoCodeId).containsExactly("pc-heavy");
            List<ConsumerRecord<byte[], byte[]>> deadLetters = pipeline.readCommitted(
                    records -> records.size() >= hostile.size(), pipeline.topics().deadLetter());
            assertThat(deadLetters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrderElementsOf(hostile);
            assertThat(deadLetters).extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    StandardCharsets.UTF_8)).containsOnly("INVALID_PATTERN");
        }
    }
}
