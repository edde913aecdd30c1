package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;
import org.promoattribution.testing.AttributionDriver;

/** SPEC "Limits": a record past a limit is LIMIT_EXCEEDED, dlq.error names the limit, and one at the limit is decided. */
class LimitsTopologyTest {
    private static final String LONGEST_ID = "i".repeat(256);
    private static final String TOO_LONG_ID = "i".repeat(257);
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private String limitExceeded() {
        List<TestRecord<byte[], byte[]>> deadLetters = pipeline.deadLetters();
        assertThat(deadLetters).hasSize(1);
        assertThat(AttributionDriver.reason(deadLetters.get(0))).isEqualTo("LIMIT_EXCEEDED");
        assertThat(pipeline.decisions()).isEmpty();
        return AttributionDriver.header(deadLetters.get(0), DeadLetterHeaders.ERROR);
    }

    private AttributionDecision decided() {
        assertThat(pipeline.deadLetters()).isEmpty();
        return pipeline.decision();
    }

    private static Conversion withCodes(List<String> codes) {
        Conversion conversion = conversion("o1", "s1", "2026-06-01T10:05:00Z");
        conversion.setPromoCodes(codes);
        return conversion;
    }

    @Nested
    class MaxCodes {
        @Test
        void anOrderWithMoreThanAHundredCodesAsTypedIsLimitExceeded() {
            pipeline.conversions(withCodes(Collections.nCopies(101, "X")));
            assertThat(limitExceeded()).contains("conversion.max.codes").contains("101");
        }

        @Test
        void aHundredCodesAreDecided_repeatsAndBlanksCountAsTyped() {
            List<String> codes = new ArrayList<>(Collections.nCopies(99, " "));
            codes.add("SUMMER10");
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS)).conversions(withCodes(codes));
            assertThat(decided().getReason()).isEqualTo(Reason.PROMO_CODE_ALWAYS);
        }

        @Test
        void theLimitIsConfigurable() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings("conversion.max.codes", "2"));
            pipeline.conversions(withCodes(List.of("A", "B")));
            decided();
            pipeline.conversions(withCodes(List.of("A", "B", "C")));
            assertThat(limitExceeded()).contains("conversion.max.codes");
        }
    }

    @Nested
    class CodeLength {
        @Test
        void aTypedCodeLongerThanAThousandCharactersAfterTrimmingIsLimitExceeded() {
            pipeline.conversions(withCodes(List.of("OK", "x".repeat(1_001))));
            assertThat(limitExceeded()).contains("promo code length").contains("promo code 2");
        }

        @Test
        void aThousandCharactersWithWhiteSpaceAroundAreWithinTheLimit() {
            pipeline.conversions(withCodes(List.of("  " + "x".repeat(1_000) + "\t\u00a0")));
            assertThat(decided().getUnmatchedCodes()).containsExactly("x".repeat(1_000));
        }

        @Test
        void charactersAreCodePoints_aThousandEmojiFit() {
            String emoji = "\uD83D\uDE00".repeat(1_000); // 2,000 UTF-16 units
            pipeline.conversions(withCodes(List.of(emoji)));
            assertThat(decided().getUnmatchedCodes()).containsExactly(emoji);
        }
    }

    @Nested
    class IdLengths {
        private void clickWith(Consumer<Click> change) {
            Click click = click("c1", "s1", "blog", "2026-06-01T10:00:00Z");
            change.accept(click);
            pipeline.clickKeyed("s1", click);
        }

        private void conversionWith(Consumer<Conversion> change) {
            Conversion conversion = conversion("o1", "s1", "2026-06-01T10:05:00Z");
            change.accept(conversion);
            pipeline.conversionKeyed("s1", conversion);
        }

        private void definitionWith(Consumer<PromoCode> change) {
            PromoCode code = exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS);
            change.accept(code);
            pipeline.codes(code);
        }

        @Test
        void clickIdsLongerThan256CharactersAreLimitExceeded() {
            clickWith(c -> c.setClickId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("clickId length");
            clickWith(c -> c.setProgramId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("programId length");
            clickWith(c -> c.setSessionId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("sessionId length");
            clickWith(c -> c.setPartnerId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("partnerId length");
        }

        @Test
        void conversionIdsAndCurrencyLongerThan256CharactersAreLimitExceeded() {
            conversionWith(c -> c.setConversionId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("conversionId length");
            conversionWith(c -> c.setProgramId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("programId length");
            conversionWith(c -> c.setSessionId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("sessionId length");
            conversionWith(c -> c.setCustomerId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("customerId length");
            conversionWith(c -> c.setCurrency(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("currency length");
        }

        @Test
        void definitionIdsAndDealIdLongerThan256CharactersAreLimitExceeded() {
            definitionWith(d -> d.setPromoCodeId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("promoCodeId length");
            definitionWith(d -> d.setProgramId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("programId length");
            definitionWith(d -> d.setPartnerId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("partnerId length");
            definitionWith(d -> d.setDealId(TOO_LONG_ID));
            assertThat(limitExceeded()).contains("dealId length");
        }

        @Test
        void idsOf256CharactersAreDecided() {
            PromoCode definition = exact(LONGEST_ID, "SUMMER10", LONGEST_ID, CreditPolicy.ALWAYS);
            definition.setDealId(LONGEST_ID);
            pipeline.codes(definition);
            Conversion conversion = conversion(LONGEST_ID, "s1", "2026-06-01T10:05:00Z", "SUMMER10");
            conversion.setCustomerId(LONGEST_ID);
            conversion.setCurrency(LONGEST_ID);
            pipeline.conversionKeyed("s1", conversion);
            AttributionDecision decision = decided();
            assertThat(decision.getConversionId()).isEqualTo(LONGEST_ID);
            assertThat(decision.getPartnerId()).isEqualTo(LONGEST_ID);
        }
    }

    @Nested
    class Amounts {
        /** Written by a producer whose schema allows any precision: our serializer would refuse to. */
        private void amount(String amount) {
            Schema anyPrecision = new Schema.Parser().parse(Conversion.getClassSchema().toString()
                    .replace("\"precision\":20", "\"precision\":2000"));
            GenericRecord conversion = new GenericData.Record(anyPrecision);
            conversion.put("conversionId", "o1");
            conversion.put("programId", "acme");
            conversion.put("sessionId", "s1");
            conversion.put("timestamp", Instant.parse("2026-06-01T10:05:00Z").toEpochMilli());
            conversion.put("promoCodes", List.of());
            conversion.put("amount", ByteBuffer.wrap(new BigDecimal(amount).setScale(4).unscaledValue().toByteArray()));
            pipeline.rawConversion("s1".getBytes(StandardCharsets.UTF_8),
                    pipeline.written("conversions-value", anyPrecision, conversion));
        }

        @Test
        void sixteenDigitsBeforeThePointAreTheLargestAmount() {
            amount("9999999999999999.9999");
            assertThat(decided().getAmount()).isEqualByComparingTo("9999999999999999.9999");
        }

        @Test
        void seventeenDigitsBeforeThePointAreLimitExceeded() {
            amount("10000000000000000.0000");
            assertThat(limitExceeded()).contains("amount decimal(20,4)");
        }

        @Test
        void anAmountOfAThousandDigitsIsLimitExceededWithoutPrintingIt() {
            amount("9".repeat(1_000) + ".0000");
            assertThat(limitExceeded()).hasSizeLessThan(200);
        }
    }
}
