package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaNotRegisteredException;
import org.promoattribution.schemas.registry.UnknownSchemaIdException;

class AvroSerdeRoundTripTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private <T extends SpecificRecord> T roundTrip(Class<T> type, String topic, T record) {
        Serde<T> serde = AvroSerdes.valueSerde(type, registry);
        byte[] bytes = serde.serializer().serialize(topic, record);
        return serde.deserializer().deserialize(topic, bytes);
    }

    @Test
    void everyRecordTypeSurvivesARoundTrip() {
        assertThat(roundTrip(Click.class, "clicks", TestRecords.click())).isEqualTo(TestRecords.click());
        assertThat(roundTrip(Conversion.class, "conversions", TestRecords.conversion())).isEqualTo(TestRecords.conversion());
        assertThat(roundTrip(AttributionDecision.class, "decisions", TestRecords.decision())).isEqualTo(TestRecords.decision());
        assertThat(roundTrip(PromoCode.class, "promo-codes", TestRecords.promoCode())).isEqualTo(TestRecords.promoCode());
        assertThat(roundTrip(ConversionAdjustment.class, "conversion-adjustments", TestRecords.adjustment()))
                .isEqualTo(TestRecords.adjustment());
        assertThat(roundTrip(AdjustmentDecision.class, "conversions-adjusted", TestRecords.adjustmentDecision()))
                .isEqualTo(TestRecords.adjustmentDecision());
    }

    @Test
    void decimalsKeepTheirScaleAndTimestampsTheirMillis() {
        Conversion read = roundTrip(Conversion.class, "conversions", TestRecords.conversion());

        assertThat(read.getAmount()).isEqualByComparingTo("1234.56").hasScaleOf(4);
        assertThat(read.getTimestamp()).isEqualTo(TestRecords.T0.plusSeconds(60));
        assertThat(read.getPromoCodes()).containsExactly("SPRING10", " spring10 ");
    }

    @Test
    void theBytesCarryTheIdRegisteredUnderTheTopicValueSubject() {
        Serde<Click> serde = AvroSerdes.valueSerde(Click.class, registry);

        byte[] bytes = serde.serializer().serialize("clicks", TestRecords.click());

        int id = registry.latestVersion("clicks-value").id();
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(registry.schemaById(id)).isEqualTo(Click.getClassSchema());
    }

    @Test
    void aKeySerdeUsesTheTopicKeySubject() {
        Serde<Click> serde = AvroSerdes.serde(Click.class, registry, SerdeOptions.DEFAULT, true);

        serde.serializer().serialize("clicks", TestRecords.click());

        assertThat(registry.latestVersion("clicks-key").schema()).isEqualTo(Click.getClassSchema());
        assertThatThrownBy(() -> registry.latestVersion("clicks-value")).isInstanceOf(SchemaNotRegisteredException.class);
    }

    @Test
    void nullsStayNull() {
        Serde<Click> serde = AvroSerdes.valueSerde(Click.class, registry);

        assertThat(serde.serializer().serialize("clicks", null)).isNull();
        assertThat(serde.deserializer().deserialize("clicks", null)).isNull();
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaCannotBeWritten() {
        Serde<Click> serde = AvroSerdes.serde(Click.class, registry, new SerdeOptions(false, false), false);

        assertThatThrownBy(() -> serde.serializer().serialize("clicks", TestRecords.click()))
                .isInstanceOf(SchemaNotRegisteredException.class);

        int id = registry.register("clicks-value", Click.getClassSchema());
        byte[] bytes = serde.serializer().serialize("clicks", TestRecords.click());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesTheSubjectsLatestId() {
        registry.register("unrelated-value", PromoCode.getClassSchema());
        int latest = registry.register("clicks-value", Click.getClassSchema());
        Serde<Click> serde = AvroSerdes.serde(Click.class, registry, new SerdeOptions(false, true), false);

        byte[] bytes = serde.serializer().serialize("clicks", TestRecords.click());

        assertThat(latest).isNotEqualTo(1);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest);
        assertThat(serde.deserializer().deserialize("clicks", bytes)).isEqualTo(TestRecords.click());
    }

    @Test
    void anUnknownIdIsTheRegistrysVerdictNotASerializationError() {
        Serde<Click> serde = AvroSerdes.valueSerde(Click.class, registry);
        byte[] bytes = serde.serializer().serialize("clicks", TestRecords.click());
        ByteBuffer.wrap(bytes).put(1, (byte) 0x7f); // id 0x7f000001

        assertThatThrownBy(() -> serde.deserializer().deserialize("clicks", bytes))
                .isInstanceOf(UnknownSchemaIdException.class)
                .isNotInstanceOf(SerializationException.class);
    }

    @Test
    void everyTruncationOfARecordIsASerializationError() {
        Serde<AttributionDecision> serde = AvroSerdes.valueSerde(AttributionDecision.class, registry);
        byte[] bytes = serde.serializer().serialize("decisions", TestRecords.decision());

        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> serde.deserializer().deserialize("decisions", truncated))
                    .as("first %d of %d bytes", length, bytes.length)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void aBadUnionIndexIsASerializationError() {
        Serde<Click> serde = AvroSerdes.valueSerde(Click.class, registry);
        byte[] bytes = serde.serializer().serialize("clicks", TestRecords.click());
        // The referrer union index is the last field's first byte; 2 zig-zags to index 1, 6 to index 3 (out of range).
        byte[] tail = "https://blog.example".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int referrerIndex = bytes.length - tail.length - 2;
        assertThat(bytes[referrerIndex]).isEqualTo((byte) 2);
        bytes[referrerIndex] = 6;

        assertThatThrownBy(() -> serde.deserializer().deserialize("clicks", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id");
    }
}
