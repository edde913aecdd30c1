package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.validation.CodeDefinitions;

/**
 * SPEC rule 9 and "Limits": a definition that passes validation but fails to apply (a bug, a
 * pattern too deep for the stack) goes to the dead-letter topic as PROCESSING_ERROR, counted, and
 * the definition it meant to replace stays live. Driven through the topology with a definition
 * step that fails on cue.
 */
class PromoCodeApplyTopologyTest {
    private final AttributionDriver pipeline = new AttributionDriver(new Properties(), AttributionDriver.NOW,
            (config, serdes, metrics) -> AttributionTopology.build(config, serdes, metrics, new PromoCodeIndex(),
                    new CommissionTermsIndex(config.termsTable()),
                    new PromoCodeApplier(PromoCodeApplyTopologyTest::failOnCue), Set.of()));

    private static CodeDefinition failOnCue(PromoCode promoCode) {
        return switch (promoCode.getCode()) {
            case "BUG" -> throw new IllegalStateException("a bug met " + promoCode.getCode());
            case "DEEP" -> throw new StackOverflowError();
            default -> CodeDefinitions.from(promoCode);
        };
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void aDefinitionThatFailsToApplyIsDeadLetteredCountedAndTheLiveOneStays() {
        pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS),
                exact("pc-1", "BUG", "blog", CreditPolicy.ALWAYS));

        List<TestRecord<byte[], byte[]>> dead = pipeline.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(AttributionDriver.reason(dead.get(0))).isEqualTo("PROCESSING_ERROR");
        assertThat(AttributionDriver.header(dead.get(0), DeadLetterHeaders.ERROR)).contains("a bug met BUG");
        assertThat(AttributionDriver.header(dead.get(0), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(Topics.DEFAULTS.promoCodes());
        assertThat(pipeline.counter("attribution.dead.letters", "topic", Topics.DEFAULTS.promoCodes(),
                "reason", "PROCESSING_ERROR")).isEqualTo(1.0);
        assertStillLive();
    }

    @Test
    void aStackOverflowWhileApplyingIsTheDefinitionsFault_itIsDeadLetteredAndThePartitionGoesOn() {
        pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS),
                exact("pc-1", "DEEP", "blog", CreditPolicy.ALWAYS),
                exact("pc-2", "WINTER5", "blog", CreditPolicy.ALWAYS));

        List<TestRecord<byte[], byte[]>> dead = pipeline.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(AttributionDriver.reason(dead.get(0))).isEqualTo("PROCESSING_ERROR");
        assertThat(AttributionDriver.header(dead.get(0), DeadLetterHeaders.ERROR)).contains("StackOverflowError");
        assertStillLive();
        pipeline.conversions(conversion("o2", "s2", "2026-06-01T10:05:00Z", "winter5"));
        assertThat(pipeline.decision().getPromoCodeId()).isEqualTo("pc-2");
    }

    /** A record written to the validated topic by hand skips the stream's check: still, it replaces nothing. */
    @Test
    void aDefinitionThatFailsInTheGlobalStoreLeavesTheLiveOneAndIsCounted() {
        pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS));
        ByteArraySerializer bytes = new ByteArraySerializer();
        pipeline.driver().createInputTopic(Topics.DEFAULTS.validatedPromoCodes(), bytes, bytes)
                .pipeInput("pc-1".getBytes(StandardCharsets.UTF_8),
                        pipeline.serialize(exact("pc-1", "BUG", "blog", CreditPolicy.ALWAYS)));

        assertThat(pipeline.counter("attribution.promo.codes.not.applied")).isEqualTo(1.0);
        assertStillLive();
    }

    private void assertStillLive() {
        pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10", "bug", "deep"));
        AttributionDecision decision = pipeline.decision();
        assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_ALWAYS);
        assertThat(decision.getPromoCodeId()).isEqualTo("pc-1");
        assertThat(decision.getUnmatchedCodes()).containsExactly("bug", "deep");
    }
}
