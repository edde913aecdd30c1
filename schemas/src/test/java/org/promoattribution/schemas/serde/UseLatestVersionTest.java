package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.Reason;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.registry.IncompatibleSchemaException;
import org.promoattribution.schemas.registry.RegisteredSchema;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * {@code use.latest.version=true}: records are written in the subject's latest schema, tagged with
 * its id, as Confluent's serializer does, or refused when they cannot be.
 */
class UseLatestVersionTest {
    private static final String TOPIC = "conversions-credited";
    private static final String SUBJECT = TOPIC + "-value";
    private static final SerdeOptions LATEST = new SerdeOptions(false, true);

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final Schema v1 = AttributionDecision.getClassSchema();

    @Test
    void aBackwardCompatibleV2RegisteredAheadIsWhatDecisionsAreWrittenIn() throws IOException {
        registry.register(SUBJECT, v1);
        // v2 adds a field with a default in the middle: bytes of v1 tagged with v2's id would be misread.
        Schema v2 = withField(v1, 6, new Schema.Field("channel", Schema.create(Schema.Type.STRING), null, "web"));
        int v2Id = registry.register(SUBJECT, v2);
        Serializer<AttributionDecision> serializer = serde().serializer();

        for (AttributionDecision decision : decisions()) {
            byte[] bytes = serializer.serialize(TOPIC, decision);

            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2Id);
            GenericRecord latest = readAs(v2, bytes);
            assertThat(latest.get("channel")).hasToString("web");
            assertThat(latest.get("conversionId")).hasToString(decision.getConversionId());
            assertThat(latest.get("sessionId") == null ? null : latest.get("sessionId").toString())
                    .isEqualTo(decision.getSessionId());
            assertThat(latest.get("timestamp")).isEqualTo(decision.getTimestamp().toEpochMilli());
            assertThat(latest.get("amount") == null ? null : decimal(v2, (ByteBuffer) latest.get("amount")))
                    .isEqualTo(decision.getAmount());
            assertThat(latest.get("outcome")).hasToString(decision.getOutcome().name());
            assertThat(latest.get("reason")).hasToString(decision.getReason().name());
            assertThat(latest.get("partnerId") == null ? null : latest.get("partnerId").toString())
                    .isEqualTo(decision.getPartnerId());
            assertThat(String.valueOf(latest.get("basis"))).isEqualTo(String.valueOf(decision.getBasis()));
            assertThat(latest.get("unmatchedCodes").toString()).isEqualTo(decision.getUnmatchedCodes().toString());
            assertThat(latest.get("decidedAt")).isEqualTo(decision.getDecidedAt().toEpochMilli());
        }
    }

    @Test
    void aConsumerOfTheCompiledSchemaReadsDecisionsWrittenInV2ByResolution() {
        registry.register(SUBJECT, v1);
        registry.register(SUBJECT, withField(v1, 6,
                new Schema.Field("channel", Schema.create(Schema.Type.STRING), null, "web")));
        Serde<AttributionDecision> serde = serde();

        for (AttributionDecision decision : decisions()) {
            byte[] bytes = serde.serializer().serialize(TOPIC, decision);

            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(decision);
        }
    }

    @Test
    void aFieldTheLatestSchemaRequiresWithoutDefaultIsRefusedNamingIt() {
        Schema v2 = withField(v1, 6, new Schema.Field("channel", Schema.create(Schema.Type.STRING)));
        int v2Id = registry.register(SUBJECT, v2);

        assertThatThrownBy(() -> serde().serializer().serialize(TOPIC, decisions().get(0)))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("latest schema of subject " + SUBJECT + " (version 1, id " + v2Id + ")")
                .hasMessageContaining("channel")
                .hasMessageContaining("use.latest.version");
    }

    @Test
    void aTypeTheRecordCannotBeConvertedToIsRefused() {
        Schema v2 = replaceField(v1, 0, new Schema.Field("conversionId", Schema.create(Schema.Type.INT)));
        registry.register(SUBJECT, v2);

        assertThatThrownBy(() -> serde().serializer().serialize(TOPIC, decisions().get(0)))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("conversionId")
                .hasMessageContaining("INT");
    }

    @Test
    void aTypeAvroPromotesIsWrittenInTheLatestType() throws IOException {
        // A string field read as bytes is a promotion Avro's resolution performs.
        Schema v2 = replaceField(v1, 1, new Schema.Field("programId", Schema.create(Schema.Type.BYTES)));
        registry.register(SUBJECT, v2);

        byte[] bytes = serde().serializer().serialize(TOPIC, decisions().get(0));

        assertThat(readAs(v2, bytes).get("programId")).isEqualTo(ByteBuffer.wrap("p-1".getBytes()));
    }

    @Test
    void theLatestVersionIsLookedUpOncePerSubject() {
        registry.register(SUBJECT, v1);
        AtomicInteger lookups = new AtomicInteger();
        SchemaRegistryClient counting = new CountingLatest(registry, lookups);
        Serializer<AttributionDecision> serializer =
                AvroSerdes.serde(AttributionDecision.class, counting, LATEST, false).serializer();

        decisions().forEach(d -> serializer.serialize(TOPIC, d));

        assertThat(lookups).hasValue(1);
    }

    private Serde<AttributionDecision> serde() {
        return AvroSerdes.serde(AttributionDecision.class, registry, LATEST, false);
    }

    private static List<AttributionDecision> decisions() {
        AttributionDecision full = TestRecords.decision();
        AttributionDecision sparse = AttributionDecision.newBuilder(full).setConversionId("o-2").setSessionId(null)
                .setAmount(null).setCurrency(null).setOutcome(Outcome.UNATTRIBUTED).setReason(Reason.NO_CLICK_NO_CODE)
                .setPartnerId(null).setBasis(null).setPromoCodeId(null).setPromoCode(null).setClickId(null)
                .setClickTimestamp(null).setUnmatchedCodes(List.of()).build();
        AttributionDecision invalid = AttributionDecision.newBuilder(full).setConversionId("o-3")
                .setOutcome(Outcome.INVALID).setReason(Reason.PROMO_CODE_OF_OTHER_PARTNER).setBasis(Basis.CLICK)
                .setAmount(new BigDecimal("0.0001")).build();
        return List.of(full, sparse, invalid);
    }

    private static GenericRecord readAs(Schema schema, byte[] bytes) throws IOException {
        return new GenericDatumReader<GenericRecord>(schema).read(null, DecoderFactory.get()
                .binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null));
    }

    private static BigDecimal decimal(Schema schema, ByteBuffer bytes) {
        Schema decimal = schema.getField("amount").schema().getTypes().get(1);
        return new Conversions.DecimalConversion().fromBytes(bytes, decimal, decimal.getLogicalType());
    }

    private static Schema withField(Schema schema, int position, Schema.Field field) {
        List<Schema.Field> fields = copies(schema);
        fields.add(position, field);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema replaceField(Schema schema, int position, Schema.Field field) {
        List<Schema.Field> fields = copies(schema);
        fields.set(position, field);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static List<Schema.Field> copies(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        return fields;
    }

    /** Counts latest-version look-ups, delegating everything. */
    private record CountingLatest(SchemaRegistryClient delegate, AtomicInteger lookups) implements SchemaRegistryClient {
        @Override
        public int register(String subject, Schema schema) {
            return delegate.register(subject, schema);
        }

        @Override
        public int idOf(String subject, Schema schema) {
            return delegate.idOf(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            return delegate.schemaById(id);
        }

        @Override
        public RegisteredSchema latestVersion(String subject) {
            lookups.incrementAndGet();
            return delegate.latestVersion(subject);
        }
    }
}
