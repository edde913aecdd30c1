package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterFit;
import org.promoattribution.deadletter.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.regex;
import static org.promoattribution.testing.Fixtures.scheduled;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;

/** SPEC "Bad input": every bad record lands in the dead-letter topic, as received, with its reason; the stream goes on. */
class BadInputTopologyTest {
    private static final byte[] KEY = "s1".getBytes(StandardCharsets.UTF_8);
    private final AttributionDriver pipeline = new AttributionDriver();
    private int badRecords;

    @AfterEach
    void close() {
        pipeline.close();
    }

    /** One bad record in, one dead letter out, and a good conversion after it is still decided. */
    private TestRecord<byte[], byte[]> deadLetterOf(Runnable sendBadRecord, String expectedReason) {
        sendBadRecord.run();
        List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
        assertThat(deadLetters).hasSize(1);
        TestRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
        assertThat(AttributionDriver.reason(deadLetter)).isEqualTo(expectedReason);
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.ERROR)).isNotBlank();
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET)).isNotNull();

        pipeline.conversions(conversion("after-bad-record-" + ++badRecords, "s1", "2026-06-01T10:05:00Z"));
        assertThat(pipeline.decisions()).hasSize(1);
        return deadLetter;
    }

    @Test
    void bytesThatAreNotTheRegistryWireFormatAreUndecodable() {
        byte[] garbage = {7, 1, 2, 3, 4, 5, 6};
        TestRecord<byte[], byte[]> deadLetter = deadLetterOf(() -> pipeline.rawClick(KEY, garbage), "UNDECODABLE");
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.key()).isEqualTo(KEY);
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("clicks");
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.TRUNCATED_FROM)).isNull();
    }

    @Test
    void aDeadLetterTooLargeForTheProducerIsCutToFitAndSaysHowLongItWas() {
        AttributionDriver smallRequests = new AttributionDriver(AttributionDriver.settings("max.request.size", "8192"));
        try {
            byte[] garbage = new byte[20_000];
            Arrays.fill(garbage, (byte) 'x');
            smallRequests.rawClick(KEY, garbage);
            List<TestRecord<byte[], byte[]>> deadLetters = smallRequests.deadLetters();
            assertThat(deadLetters).hasSize(1);
            TestRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
            assertThat(AttributionDriver.reason(deadLetter)).isEqualTo("UNDECODABLE");
            assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.TRUNCATED_FROM)).isEqualTo("20000");
            assertThat(deadLetter.value()).hasSizeGreaterThan(6_000)
                    .isEqualTo(Arrays.copyOf(garbage, deadLetter.value().length));
            int headerBytes = 0;
            for (Header header : deadLetter.headers()) {
                headerBytes += header.key().length() + header.value().length;
            }
            assertThat(KEY.length + deadLetter.value().length + headerBytes)
                    .isLessThanOrEqualTo(8192 - DeadLetterFit.FRAMING_BYTES);

            smallRequests.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(smallRequests.decisions()).hasSize(1);
        } finally {
            smallRequests.close();
        }
    }

    @Test
    void truncatedAvroIsUndecodable() {
        byte[] whole = pipeline.serialize(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 12);
        deadLetterOf(() -> pipeline.rawClick(KEY, truncated), "UNDECODABLE");
    }

    @Test
    void aNullValueIsUndecodable() {
        deadLetterOf(() -> pipeline.rawConversion(KEY, null), "UNDECODABLE");
    }

    @Test
    void anUnknownSchemaIdIsReportedAsSuch() {
        byte[] valid = pipeline.serialize(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"));
        ByteBuffer.wrap(valid).put(0, (byte) 0).putInt(1, 4242);
        TestRecord<byte[], byte[]> deadLetter = deadLetterOf(() -> pipeline.rawClick(KEY, valid), "UNKNOWN_SCHEMA_ID");
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.ERROR)).contains("4242");
    }

    @Test
    void anEmptyRequiredFieldIsMissing() {
        Click noPartner = Click.newBuilder(click("c1", "s1", "blog", "2026-06-01T10:00:00Z")).setPartnerId(" ").build();
        TestRecord<byte[], byte[]> deadLetter = deadLetterOf(() -> pipeline.clicks(noPartner), "MISSING_FIELD");
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.ERROR)).contains("partnerId");
    }

    @Test
    void aWriterSchemaWithoutARequiredFieldIsMissingAField() {
        Schema withoutPartner = Schema.createRecord("Click", null, "org.promoattribution.schemas", false,
                Click.getClassSchema().getFields().stream()
                        .filter(f -> !f.name().equals("partnerId"))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList());
        GenericRecord record = new GenericData.Record(withoutPartner);
        record.put("clickId", "c1");
        record.put("programId", "acme");
        record.put("sessionId", "s1");
        record.put("timestamp", 1_780_000_000_000L);
        byte[] bytes = pipeline.written("clicks-value", withoutPartner, record);
        deadLetterOf(() -> pipeline.rawClick(KEY, bytes), "MISSING_FIELD");
    }

    @Test
    void aValidRecordOfAnotherSchemaIsRejected() {
        byte[] conversionOnClicks = pipeline.serialize(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
        pipeline.rawClick(KEY, conversionOnClicks);
        assertThat(pipeline.deadLetters()).hasSize(1);
        assertThat(pipeline.decisions()).isEmpty();
    }

    @Test
    void aNegativeAmountIsRejected() {
        Conversion refund = Conversion.newBuilder(conversion("o1", "s1", "2026-06-01T10:05:00Z"))
                .setAmount(new BigDecimal("-1.0000")).build();
        deadLetterOf(() -> pipeline.conversions(refund), "NEGATIVE_AMOUNT");
    }

    @Test
    void anUnknownCreditPolicyIsAnUnknownEnum() {
        Schema future = new Schema.Parser().parse(PromoCode.getClassSchema().toString()
                .replace("\"IF_WINNER\"]", "\"IF_WINNER\",\"SOMETIMES\"]"));
        GenericRecord record = new GenericData.Record(future);
        record.put("promoCodeId", "pc-1");
        record.put("programId", "acme");
        record.put("code", "SUMMER");
        record.put("partnerId", "blog");
        record.put("matchType", new GenericData.EnumSymbol(future.getField("matchType").schema(), "EXACT"));
        record.put("creditPolicy", new GenericData.EnumSymbol(future.getField("creditPolicy").schema(), "SOMETIMES"));
        byte[] bytes = pipeline.written("promo-codes-value", future, record);
        TestRecord<byte[], byte[]> deadLetter = deadLetterOf(
                () -> pipeline.rawPromoCode("pc-1".getBytes(StandardCharsets.UTF_8), bytes), "UNKNOWN_ENUM");
        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("promo-codes");
    }

    @Test
    void aCodeThatIsNothingButWhatTrimmingTakesIsMissing() {
        deadLetterOf(() -> pipeline.codes(exact("pc-1", "\u00a0", "blog", CreditPolicy.ALWAYS)), "MISSING_FIELD");
        deadLetterOf(() -> pipeline.codes(exact("pc-2", "\u0085\u007f", "blog", CreditPolicy.ALWAYS)),
                "MISSING_FIELD");
    }

    @Test
    void aPatternThatIsNotRe2IsInvalid() {
        deadLetterOf(() -> pipeline.codes(regex("pc-1", "(a)\\1", "blog", CreditPolicy.ALWAYS)), "INVALID_PATTERN");
        deadLetterOf(() -> pipeline.codes(regex("pc-2", "(?=look)ahead", "blog", CreditPolicy.ALWAYS)),
                "INVALID_PATTERN");
        deadLetterOf(() -> pipeline.codes(regex("pc-3", "[unclosed", "blog", CreditPolicy.ALWAYS)), "INVALID_PATTERN");
    }

    @Test
    void aPatternLongerThanAThousandCharactersIsRejected_aThousandIsFine() {
        pipeline.codes(regex("pc-ok", "A".repeat(1000), "blog", CreditPolicy.ALWAYS));
        assertThat(pipeline.deadLetters()).isEmpty();
        deadLetterOf(() -> pipeline.codes(regex("pc-1", "A".repeat(1001), "blog", CreditPolicy.ALWAYS)),
                "PATTERN_TOO_LONG");
    }

    @Test
    void aPatternPastTheAutomatonBoundsIsInvalid_theLiveDefinitionStays() {
        pipeline.codes(regex("pc-1", "SUMMER[0-9]+", "blog", CreditPolicy.ALWAYS));
        String nineHundredNinetyThousandInstructions = "(?:" + "abcdefghij".repeat(99) + "){1000}";

        TestRecord<byte[], byte[]> deadLetter = deadLetterOf(() -> pipeline.codes(
                regex("pc-1", nineHundredNinetyThousandInstructions, "blog", CreditPolicy.ALWAYS)), "INVALID_PATTERN");

        assertThat(AttributionDriver.header(deadLetter, DeadLetterHeaders.ERROR))
                .contains("its program needs more than 100000 instructions (10 × regex.max.states)");
        pipeline.conversions(conversion("o1", "s2", "2026-06-01T10:05:00Z", "SUMMER10"));
        assertThat(pipeline.decisions()).singleElement()
                .satisfies(decision -> assertThat(decision.getPromoCodeId()).isEqualTo("pc-1"));
    }

    @Test
    void validFromNotBeforeValidToIsAnInvalidSchedule() {
        deadLetterOf(() -> pipeline.codes(scheduled(exact("pc-1", "S", "blog", CreditPolicy.ALWAYS),
                "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z")), "INVALID_SCHEDULE");
    }

    @Test
    void aPromoCodeWithoutKeyCannotBeManaged() {
        byte[] value = pipeline.serialize(exact("pc-1", "S", "blog", CreditPolicy.ALWAYS));
        deadLetterOf(() -> pipeline.rawPromoCode(null, value), "MISSING_KEY");
    }

    @Test
    void rejectedDefinitionsNeverMatch() {
        pipeline.codes(regex("pc-1", "(a)\\1", "blog", CreditPolicy.ALWAYS))
                .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "aa"));
        assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
    }

    @Test
    void deadLettersAreCountedByReason() {
        pipeline.rawClick(KEY, new byte[] {1});
        pipeline.rawClick(KEY, new byte[] {2});
        assertThat(pipeline.counter("attribution.dead.letters", "topic", "clicks", "reason", "UNDECODABLE"))
                .isEqualTo(2.0);
    }
}
