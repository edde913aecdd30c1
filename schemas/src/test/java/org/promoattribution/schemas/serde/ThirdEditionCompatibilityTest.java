package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;

/**
 * SPEC's third edition (section "Commission") adds line items to Conversion, commission and
 * termsId to AttributionDecision, and previousCommission and commission to AdjustmentDecision:
 * each change is BACKWARD-compatible with the second edition's schema (kept in test resources), and
 * producers and consumers of either edition keep working through the registry serde.
 */
class ThirdEditionCompatibilityTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @ParameterizedTest
    @ValueSource(strings = {"Conversion", "AttributionDecision", "AdjustmentDecision"})
    void theThirdEditionReadsWhatTheSecondWroteAndTheReverse(String record) {
        Schema second = secondEdition(record);
        Schema third = switch (record) {
            case "Conversion" -> Conversion.getClassSchema();
            case "AttributionDecision" -> AttributionDecision.getClassSchema();
            default -> AdjustmentDecision.getClassSchema();
        };

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(third, second).getType())
                .as("BACKWARD: the new reader, the old writer").isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(second, third).getType())
                .as("FORWARD: an old consumer reads new records").isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void aProducerOfTheSecondEditionConversionKeepsWorkingItsOrderHasNoItems() {
        Schema second = secondEdition("Conversion");
        int id = registry.register("conversions-value", second);
        registry.register("conversions-value", Conversion.getClassSchema());
        Conversion expected = TestRecords.conversion();
        GenericRecord old = new GenericRecordBuilder(second).set("conversionId", expected.getConversionId())
                .set("programId", expected.getProgramId()).set("sessionId", expected.getSessionId())
                .set("timestamp", expected.getTimestamp().toEpochMilli()).set("promoCodes", expected.getPromoCodes())
                .set("amount", decimalBytes(second.getField("amount").schema().getTypes().get(1), expected.getAmount()))
                .set("currency", expected.getCurrency()).build();

        Conversion read = AvroSerdes.valueSerde(Conversion.class, registry).deserializer()
                .deserialize("conversions", TestRecords.wireBytes(id, second, old));

        assertThat(read).isEqualTo(expected);
        assertThat(read.getItems()).isNull();
    }

    @Test
    void anOrderWithItemsAndTermsWithRatesSurviveARoundTrip() {
        Conversion withItems = TestRecords.conversionWithItems();
        CommissionTerms terms = TestRecords.terms();

        assertThat(roundTrip(Conversion.class, "conversions", withItems)).isEqualTo(withItems);
        assertThat(roundTrip(CommissionTerms.class, "commission-terms", terms)).isEqualTo(terms);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(Class<T> type, String topic, T record) {
        Serde<T> serde = AvroSerdes.valueSerde(type, registry);
        return serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, record));
    }

    private static java.nio.ByteBuffer decimalBytes(Schema decimal, BigDecimal value) {
        return new Conversions.DecimalConversion().toBytes(value, decimal, decimal.getLogicalType());
    }

    private static Schema secondEdition(String record) {
        try (InputStream in = ThirdEditionCompatibilityTest.class.getResourceAsStream(
                "/second-edition/" + record + ".avsc")) {
            Schema.Parser parser = new Schema.Parser();
            if (record.equals("AdjustmentDecision")) { // it refers to AttributionDecision's Outcome
                parser.parse(ThirdEditionCompatibilityTest.class.getResourceAsStream(
                        "/second-edition/AttributionDecision.avsc"));
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
