package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.simulate.JsonEvents;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.testing.Fixtures;

/** consume's output, one JSON line a record, by topic. */
class RecordJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final AttributionSerdes serdes = AttributionSerdes.over(new InMemorySchemaRegistryClient(),
            SerdeOptions.DEFAULT);
    private final RecordJson json = new RecordJson(mapper, Topics.DEFAULTS, serdes);

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 0, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    @Test
    void aDecisionWithEveryField() {
        AttributionDecision decision = AttributionDecision.newBuilder()
                .setConversionId("o1").setProgramId("acme").setSessionId("s1")
                .setTimestamp(Instant.parse("2026-06-01T10:05:00Z")).setAmount(new BigDecimal("59.9000"))
                .setCurrency("USD").setOutcome(Outcome.CREDITED).setReason(Reason.PROMO_CODE_WINNER)
                .setPartnerId("blog").setBasis(Basis.PROMO_CODE).setPromoCodeId("pc-1").setPromoCode("summer10")
                .setDealId("d-7").setClickId("c1").setClickTimestamp(Instant.parse("2026-06-01T10:00:00Z"))
                .setUnmatchedCodes(List.of("nope")).setDecidedAt(Instant.parse("2026-06-01T10:05:01Z"))
                .build();
        byte[] value = serdes.decision().serializer().serialize("conversions-credited", decision);

        assertThat(json.format(record("conversions-credited", "o1", value))).isEqualTo(
                "{\"conversionId\":\"o1\",\"outcome\":\"CREDITED\",\"reason\":\"PROMO_CODE_WINNER\",\"partnerId\":\"blog\","
                        + "\"basis\":\"PROMO_CODE\",\"promoCodeId\":\"pc-1\",\"promoCode\":\"summer10\",\"dealId\":\"d-7\","
                        + "\"clickId\":\"c1\",\"unmatchedCodes\":[\"nope\"],\"commission\":null,\"termsId\":null,"
                        + "\"programId\":\"acme\",\"sessionId\":\"s1\","
                        + "\"timestamp\":\"2026-06-01T10:05:00Z\",\"amount\":\"59.90\",\"currency\":\"USD\","
                        + "\"clickTimestamp\":\"2026-06-01T10:00:00Z\",\"decidedAt\":\"2026-06-01T10:05:01Z\"}");
    }

    @Test
    void anAdjustmentDecisionAsSimulatePrintsItWithEveryField() {
        AdjustmentDecision decision = AdjustmentDecision.newBuilder()
                .setAdjustmentId("a1").setConversionId("o1").setProgramId("acme").setStatus(AdjustmentStatus.APPLIED)
                .setReason(AdjustmentReason.REVERSED).setOutcome(Outcome.CREDITED).setPartnerId("blog")
                .setPreviousAmount(new BigDecimal("59.9000")).setAmount(new BigDecimal("0.0000"))
                .setDecidedAt(Instant.parse("2026-06-20T09:00:01Z")).build();
        byte[] value = serdes.adjustmentDecision().serializer().serialize("conversions-adjusted", decision);

        assertThat(json.format(record("conversions-adjusted", "o1", value))).isEqualTo(
                "{\"type\":\"adjustment\",\"adjustmentId\":\"a1\",\"conversionId\":\"o1\",\"status\":\"APPLIED\","
                        + "\"reason\":\"REVERSED\",\"partnerId\":\"blog\",\"previousAmount\":\"59.90\",\"amount\":\"0\","
                        + "\"previousCommission\":null,\"commission\":null,\"programId\":\"acme\",\"outcome\":\"CREDITED\",\"decidedAt\":\"2026-06-20T09:00:01Z\"}");
    }

    @Test
    void anAdjustmentReadsBackAsTheSameRecord() {
        ConversionAdjustment change = Fixtures.amountChange("a1", "o1", "2026-06-20T09:00:00Z", "45.5");
        String line = json.format(record("conversion-adjustments", "o1",
                serdes.adjustment().serializer().serialize("conversion-adjustments", change)));

        assertThat(line).isEqualTo("{\"type\":\"adjustment\",\"adjustmentId\":\"a1\",\"conversionId\":\"o1\","
                + "\"programId\":\"acme\",\"timestamp\":\"2026-06-20T09:00:00Z\",\"kind\":\"AMOUNT_CHANGE\","
                + "\"amount\":\"45.50\",\"note\":null}");
        assertThat(new JsonEvents(mapper).parse(line).value()).isEqualTo(change);
    }

    @Test
    void aClickAsTheLineSimulateAndProduceRead() {
        Click click = Click.newBuilder(Fixtures.click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                .setLandingUrl("https://shop.example/p/1").build();

        String line = json.format(record("clicks", "s1", serdes.click().serializer().serialize("clicks", click)));

        assertThat(line).isEqualTo("{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\","
                + "\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:00:00Z\","
                + "\"landingUrl\":\"https://shop.example/p/1\",\"referrer\":null}");
        assertThat(new JsonEvents(mapper).parse(line).value()).isEqualTo(click);
    }

    @Test
    void conversionsAndPromoCodesReadBackAsTheSameRecords() {
        Conversion conversion = Fixtures.conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10", " VIP1 ");
        PromoCode code = Fixtures.scheduled(Fixtures.regex("pc-2", "VIP[0-9]+", "news", CreditPolicy.IF_INVOLVED),
                "2026-01-01T00:00:00Z", null);

        String conversionLine = json.format(record("conversions", "s1",
                serdes.conversion().serializer().serialize("conversions", conversion)));
        String codeLine = json.format(record("promo-codes", "pc-2",
                serdes.promoCode().serializer().serialize("promo-codes", code)));

        assertThat(conversionLine).contains("\"promoCodes\":[\"summer10\",\" VIP1 \"]", "\"amount\":\"59.90\"");
        assertThat(new JsonEvents(mapper).parse(conversionLine).value()).isEqualTo(conversion);
        assertThat(codeLine).contains("\"matchType\":\"REGEX\"", "\"validFrom\":\"2026-01-01T00:00:00Z\"",
                "\"validTo\":null");
        assertThat(new JsonEvents(mapper).parse(codeLine).value()).isEqualTo(code);
    }

    @Test
    void aPromoCodeTombstoneAsADeleteLine() {
        assertThat(json.format(record("promo-codes", "pc-1", null)))
                .isEqualTo("{\"type\":\"promo_code_delete\",\"promoCodeId\":\"pc-1\"}");
    }

    @Test
    void aDeadLetterWithKeyHeadersAndBase64Bytes() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dlq.reason", "UNDECODABLE".getBytes(StandardCharsets.UTF_8));
        headers.add("dlq.source.topic", "clicks".getBytes(StandardCharsets.UTF_8));
        byte[] value = {1, 2, 3};
        ConsumerRecord<byte[], byte[]> dead = new ConsumerRecord<>("attribution-dlq", 0, 0, 0L,
                TimestampType.CREATE_TIME, 2, 3, "s1".getBytes(StandardCharsets.UTF_8),
                value, headers, Optional.empty());

        assertThat(json.format(dead)).isEqualTo("{\"key\":\"s1\",\"headers\":{\"dlq.reason\":\"UNDECODABLE\","
                + "\"dlq.source.topic\":\"clicks\"},\"value_base64\":\"" + Base64.getEncoder().encodeToString(value)
                + "\"}");
    }

    @Test
    void aRecordThatDoesNotDecodeIsShownRawWithTheError() {
        String line = json.format(record("clicks", null, "not avro".getBytes(StandardCharsets.UTF_8)));

        assertThat(line).startsWith("{\"key\":null,\"headers\":{},\"value_base64\":\"bm90IGF2cm8=\",\"error\":");
    }

    @Test
    void anyOtherTopicIsShownRaw() {
        assertThat(json.format(record("something-else", "k", new byte[0])))
                .isEqualTo("{\"key\":\"k\",\"headers\":{},\"value_base64\":\"\"}");
    }
}
