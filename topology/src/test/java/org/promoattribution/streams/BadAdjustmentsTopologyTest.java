package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.reversal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.testing.AttributionDriver;

/** SPEC "Bad input" for adjustments: each bad one lands in the dead-letter topic with its reason; the rest go on. */
class BadAdjustmentsTopologyTest {
    private static final byte[] KEY = "o1".getBytes(StandardCharsets.UTF_8);
    private final AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    /** One bad adjustment in, one dead letter out from the adjustments topic, and a good one after it is still decided. */
    private TestRecord<byte[], byte[]> deadLetterOf(Runnable sendBad, String expectedReason) {
        pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z")).decisions();
        sendBad.run();
        List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
        assertThat(deadLetters).hasSize(1);
        TestRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
        assertThat(AttributionDriver.reason(deadLetter)).isEqualTo(expectedReason);
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("conversion-adjustments");
        assertThat(pipeline.adjustmentDecisions()).isEmpty();
        pipeline.adjustments(reversal("good", "o1", "2026-06-02T00:00:00Z"));
        assertThat(pipeline.adjustmentDecision().getReason()).isEqualTo(AdjustmentReason.REVERSED);
        return deadLetter;
    }

    private void send(ConversionAdjustment adjustment) {
        pipeline.adjustments(adjustment);
    }

    @Test
    void bytesThatAreNotTheRegistryWireFormatAreUndecodable() {
        byte[] garbage = {7, 1, 2, 3};
        assertThat(deadLetterOf(() -> pipeline.rawAdjustment(KEY, garbage), "UNDECODABLE").value()).isEqualTo(garbage);
    }

    @Test
    void anEmptyRequiredFieldIsMissing() {
        ConversionAdjustment noId = reversal("", "o1", "2026-06-02T00:00:00Z");
        deadLetterOf(() -> send(noId), "MISSING_FIELD");
    }

    @Test
    void anAmountChangeWithoutAnAmountIsMissingAField() {
        ConversionAdjustment change = amountChange("a1", "o1", "2026-06-02T00:00:00Z", "1");
        change.setAmount(null);
        deadLetterOf(() -> send(change), "MISSING_FIELD");
    }

    @Test
    void aReversalNeedsNoAmount() {
        pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z")).decisions();
        ConversionAdjustment refund = reversal("a1", "o1", "2026-06-02T00:00:00Z");
        refund.setAmount(new BigDecimal("-5.0000")); // ignored
        send(refund);
        assertThat(pipeline.deadLetters()).isEmpty();
        assertThat(pipeline.adjustmentDecision().getAmount()).isEqualByComparingTo("0");
    }

    @Test
    void aNegativeAmountIsRejected() {
        deadLetterOf(() -> send(amountChange("a1", "o1", "2026-06-02T00:00:00Z", "-1")), "NEGATIVE_AMOUNT");
    }

    @Test
    void anUnknownKindIsAnUnknownEnum() {
        Schema future = new Schema.Parser().parse(ConversionAdjustment.getClassSchema().toString()
                .replace("\"AMOUNT_CHANGE\"]", "\"AMOUNT_CHANGE\",\"CHARGEBACK\"]"));
        GenericRecord record = new GenericData.Record(future);
        record.put("adjustmentId", "a1");
        record.put("conversionId", "o1");
        record.put("programId", "acme");
        record.put("timestamp", 1_780_000_000_000L);
        record.put("kind", new GenericData.EnumSymbol(future.getField("kind").schema(), "CHARGEBACK"));
        byte[] bytes = pipeline.written("conversion-adjustments-value", future, record);
        deadLetterOf(() -> pipeline.rawAdjustment(KEY, bytes), "UNKNOWN_ENUM");
    }

    @Test
    void anEventTimeAfterNowAndTheMaxAheadIsAnInvalidTimestamp() {
        String later = AttributionDriver.NOW.plusSeconds(3601).toString();
        deadLetterOf(() -> send(reversal("a1", "o1", later)), "INVALID_TIMESTAMP");
    }

    @Test
    void anIdLongerThan256CharactersExceedsTheLimit() {
        deadLetterOf(() -> send(reversal("a".repeat(257), "o1", "2026-06-02T00:00:00Z")), "LIMIT_EXCEEDED");
    }

    @Test
    void anAmountBeyondDecimal20Scale4ExceedsTheLimit() {
        ConversionAdjustment change = amountChange("a1", "o1", "2026-06-02T00:00:00Z", "1");
        change.setAmount(new BigDecimal("12345678901234567.0000"));
        pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z")).decisions();
        // Avro itself refuses to write more than decimal(20,4) holds: such bytes come from another writer
        Schema wide = new Schema.Parser().parse(ConversionAdjustment.getClassSchema().toString()
                .replace("\"precision\":20", "\"precision\":30"));
        GenericRecord record = new GenericData.Record(wide);
        record.put("adjustmentId", "a1");
        record.put("conversionId", "o1");
        record.put("programId", "acme");
        record.put("timestamp", 1_780_000_000_000L);
        record.put("kind", new GenericData.EnumSymbol(wide.getField("kind").schema(), "AMOUNT_CHANGE"));
        record.put("amount", java.nio.ByteBuffer.wrap(change.getAmount().unscaledValue().toByteArray()));
        byte[] bytes = pipeline.written("conversion-adjustments-value", wide, record);
        pipeline.rawAdjustment(KEY, bytes);
        assertThat(pipeline.deadLetters()).extracting(AttributionDriver::reason).containsExactly("LIMIT_EXCEEDED");
    }
}
