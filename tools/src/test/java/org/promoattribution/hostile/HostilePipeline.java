package org.promoattribution.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.deadletter.DeadLetterHeaders;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * The topology in a {@link AttributionDriver} at a fixed "now", fed one record at a time, each
 * checked on its own: it led to exactly one of a decision on its outcome's topic (conversions),
 * a dead letter carrying its key and bytes with a known {@code dlq.reason}, or a documented
 * silent end (a conversion delivered again, a click stored, untracked or delivered again, a
 * definition or tombstone taken), as its {@link Expected} allows, and piping it never threw.
 */
final class HostilePipeline implements AutoCloseable {
    /** The schema ids every pipeline registers first, in this order, so records can be encoded before it exists. */
    static final WireRecords.SchemaIds SCHEMA_IDS = new WireRecords.SchemaIds(1, 2, 3);

    /** What became of one record. */
    enum Fate { DECIDED, DUPLICATE_CONVERSION, CLICK_TAKEN, DEFINITION_TAKEN, DEAD_LETTER }

    private final AttributionDriver pipeline;
    private final Instant now;
    private final Map<String, AttributionDecision> decisions = new LinkedHashMap<>();

    HostilePipeline(Instant now) {
        this.now = now;
        pipeline = new AttributionDriver(new java.util.Properties(), now);
        assertThat(List.of(pipeline.registry.register("clicks-value", Click.getClassSchema()),
                pipeline.registry.register("conversions-value", Conversion.getClassSchema()),
                pipeline.registry.register("promo-codes-value", PromoCode.getClassSchema())))
                .containsExactly(SCHEMA_IDS.click(), SCHEMA_IDS.conversion(), SCHEMA_IDS.promoCode());
    }

    /** A good event as its producer would write it, serialized through this pipeline's registry. */
    InputRecord good(SimEvent event) {
        byte[] key = InputRecord.utf8(event.key());
        return switch (event.kind()) {
            case CLICK -> new InputRecord("click " + event.value(), Input.CLICKS, key,
                    pipeline.serialize((Click) event.value()), Expected.accepted());
            case CONVERSION -> new InputRecord("conversion " + event.value(), Input.CONVERSIONS, key,
                    pipeline.serialize((Conversion) event.value()), Expected.accepted());
            case PROMO_CODE -> new InputRecord("promo code " + event.value(), Input.PROMO_CODES, key,
                    event.value() == null ? null : pipeline.serialize((PromoCode) event.value()), Expected.accepted());
            case ADJUSTMENT, COMMISSION_TERMS ->
                    throw new UnsupportedOperationException("the hostile mix sends no " + event.kind());
        };
    }

    /** Pipes one record and checks what became of it. */
    Fate pipe(InputRecord record) {
        double duplicatesBefore = pipeline.counter("attribution.conversions.duplicate");
        switch (record.input()) {
            case CLICKS -> pipeline.rawClick(record.key(), record.value());
            case CONVERSIONS -> pipeline.rawConversion(record.key(), record.value());
            case PROMO_CODES -> pipeline.rawPromoCode(record.key(), record.value());
        }
        List<AttributionDecision> decided = pipeline.decisions();
        List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
        boolean duplicate = pipeline.counter("attribution.conversions.duplicate") > duplicatesBefore;
        String what = record.toString();

        assertThat(deadLetters).as("dead letters of " + what).hasSizeLessThanOrEqualTo(1);
        if (!deadLetters.isEmpty()) {
            assertThat(decided).as("decisions of the dead-lettered " + what).isEmpty();
            assertThat(duplicate).as("the dead-lettered " + what + " counted as a duplicate").isFalse();
            checkDeadLetter(deadLetters.get(0), record);
            return Fate.DEAD_LETTER;
        }
        assertThat(record.expected().mayBeAccepted()).as(what + " accepted").isTrue();
        if (record.input() != Input.CONVERSIONS) {
            assertThat(decided).as("decisions after " + what).isEmpty();
            return record.input() == Input.CLICKS ? Fate.CLICK_TAKEN : Fate.DEFINITION_TAKEN;
        }
        assertThat(decided.size() + (duplicate ? 1 : 0)).as("decisions and duplicates of " + what).isEqualTo(1);
        if (duplicate) {
            return Fate.DUPLICATE_CONVERSION;
        }
        AttributionDecision decision = decided.get(0);
        checkWithinSpec(decision, what);
        assertThat(decisions.put(decisionKey(decision), decision))
                .as("an earlier decision of " + what).isNull();
        return Fate.DECIDED;
    }

    private static void checkDeadLetter(TestRecord<byte[], byte[]> deadLetter, InputRecord record) {
        String what = "the dead letter of " + record;
        String reason = AttributionDriver.reason(deadLetter);
        assertThat(Arrays.stream(DeadLetterReason.values()).map(Enum::name)).as(what).contains(reason);
        assertThat(record.expected().reasons()).as(what).contains(DeadLetterReason.valueOf(reason));
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.ERROR)).as(what).isNotBlank();
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).as(what)
                .isEqualTo(record.input().topic(Topics.DEFAULTS));
        assertThat(deadLetter.key()).as("key of " + what).isEqualTo(record.key());
        assertThat(deadLetter.value()).as("value of " + what).isEqualTo(record.value());
    }

    /** A decided conversion was valid input: its decision shows nothing SPEC's checks refuse. */
    private void checkWithinSpec(AttributionDecision decision, String what) {
        assertThat(decision.getConversionId()).as(what).isNotBlank().hasSizeLessThanOrEqualTo(256);
        assertThat(decision.getProgramId()).as(what).isNotBlank().hasSizeLessThanOrEqualTo(256);
        assertThat(decision.getTimestamp()).as(what).isBetween(Instant.EPOCH, now.plus(HostileRecords.MAX_AHEAD));
        BigDecimal amount = decision.getAmount();
        if (amount != null) {
            assertThat(amount.signum()).as(what).isNotNegative();
            assertThat(amount.precision() - amount.scale()).as(what + ": digits before the point")
                    .isLessThanOrEqualTo(16);
        }
        if (decision.getCurrency() != null) {
            assertThat(decision.getCurrency()).as(what).hasSizeLessThanOrEqualTo(256);
        }
    }

    /** Decisions are of a program's conversion id (SPEC rule 7). */
    static String decisionKey(AttributionDecision decision) {
        return decision.getProgramId() + "/" + decision.getConversionId();
    }

    /** The decisions made so far, by {@link #decisionKey}. */
    Map<String, AttributionDecision> decisions() {
        return decisions;
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
