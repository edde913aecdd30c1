package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.serde.AvroSerdes;
import org.promoattribution.testing.AttributionDriver;

/**
 * The production settings ({@code auto.register.schemas=false}, {@code use.latest.version=true})
 * with a BACKWARD-compatible v2 of the decision schema registered ahead of the pipeline: every
 * decision is written in v2 under v2's id, so a consumer of v2 and one of today's schema both read
 * it as decided.
 */
class UseLatestVersionTopologyTest {
    private static final Topics TOPICS = Topics.DEFAULTS;
    private final AttributionDriver pipeline = new AttributionDriver(AttributionDriver.settings(
            "auto.register.schemas", "false", "use.latest.version", "true"));
    /** v1 (today's) plus a field with a default, placed where v1's bytes would be misread as it. */
    private final Schema v2 = withChannel(AttributionDecision.getClassSchema());
    private final List<Integer> v2Ids = new ArrayList<>();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void consumersOfTheLatestAndOfTheCompiledSchemaReadEveryDecisionAsDecided() throws IOException {
        pipeline.registry.register(TOPICS.clicks() + "-value", Click.getClassSchema());
        pipeline.registry.register(TOPICS.conversions() + "-value", Conversion.getClassSchema());
        pipeline.registry.register(TOPICS.promoCodes() + "-value", PromoCode.getClassSchema());
        pipeline.registry.register(TOPICS.usage() + "-value", PromoCodeUsage.getClassSchema());
        for (String topic : List.of(TOPICS.credited(), TOPICS.invalid(), TOPICS.unattributed())) {
            pipeline.registry.register(topic + "-value", AttributionDecision.getClassSchema());
            v2Ids.add(pipeline.registry.register(topic + "-value", v2));
        }

        pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                        click("c2", "s2", "coupons", "2026-06-01T10:00:00Z"))
                .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10"),
                        conversion("o2", "s2", "2026-06-01T10:05:00Z", "SUMMER10", "nope"),
                        conversion("o3", "s3", "2026-06-01T10:05:00Z"));

        Deserializer<AttributionDecision> compiled = AvroSerdes.valueSerde(AttributionDecision.class,
                pipeline.registry).deserializer();
        List<String> seen = new ArrayList<>();
        for (String topic : List.of(TOPICS.credited(), TOPICS.invalid(), TOPICS.unattributed())) {
            TestOutputTopic<String, byte[]> raw = pipeline.driver().createOutputTopic(topic,
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            for (byte[] bytes : raw.readValuesToList()) {
                assertThat(v2Ids).contains(ByteBuffer.wrap(bytes, 1, 4).getInt());
                AttributionDecision decision = compiled.deserialize(topic, bytes);
                GenericRecord latest = new GenericDatumReader<GenericRecord>(v2).read(null,
                        DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
                assertThat(latest.get("channel")).hasToString("web");
                assertThat(latest.get("conversionId")).hasToString(decision.getConversionId());
                assertThat(latest.get("outcome")).hasToString(decision.getOutcome().name());
                assertThat(latest.get("reason")).hasToString(decision.getReason().name());
                assertThat(String.valueOf(latest.get("partnerId"))).isEqualTo(String.valueOf(decision.getPartnerId()));
                assertThat(String.valueOf(latest.get("promoCodeId")))
                        .isEqualTo(String.valueOf(decision.getPromoCodeId()));
                assertThat(latest.get("unmatchedCodes").toString()).isEqualTo(decision.getUnmatchedCodes().toString());
                assertThat(latest.get("decidedAt")).isEqualTo(decision.getDecidedAt().toEpochMilli());
                seen.add(decision.getConversionId() + " " + decision.getOutcome() + " " + decision.getReason()
                        + " " + decision.getPartnerId());
            }
        }

        assertThat(seen).containsExactlyInAnyOrder("o1 CREDITED PROMO_CODE_WINNER blog",
                "o2 INVALID PROMO_CODE_OF_OTHER_PARTNER coupons", "o3 UNATTRIBUTED NO_CLICK_NO_CODE null");
    }

    private static Schema withChannel(Schema v1) {
        List<Schema.Field> fields = new ArrayList<>();
        v1.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(2, new Schema.Field("channel", Schema.create(Schema.Type.STRING), "added in v2", "web"));
        return Schema.createRecord(v1.getName(), v1.getDoc(), v1.getNamespace(), false, fields);
    }
}
