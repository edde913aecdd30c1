package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;

/**
 * Every record type, with each of its fields replaced in turn by a length, count or index that claims
 * far more than the record holds (the rest of the valid record follows, so some bytes are left):
 * a SerializationException, before Avro allocates what the claim says.
 */
class HostileClaimsTest {
    /** Far below the 2 GB a claim just under Avro's own limit would take; far above an exception's cost. */
    private static final long ALLOCATION_ALLOWANCE = 1 << 20;
    private static final long[] LENGTHS = {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1 << 30, Long.MAX_VALUE, -1,
            Long.MIN_VALUE, Integer.MIN_VALUE};
    private static final long[] COUNTS = {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1 << 30, Long.MAX_VALUE};
    private static final int[] INDEXES = {Integer.MAX_VALUE, -1, Integer.MIN_VALUE};

    private static final int NO_CLAIM = -1;
    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileClaims")
    void aClaimBeyondTheRecordIsASerializationErrorWithoutAllocatingIt(String claim, SpecificRecordBase record,
                                                                         byte[] bytes) {
        Deserializer<SpecificRecordBase> deserializer = deserializer(record);
        // A valid record first, so that the allocation measured is the claim's, not a first decoding's.
        assertThat(deserializer.deserialize("t", wire(record, body(record, NO_CLAIM, null)))).isEqualTo(record);
        long before = ThreadAllocation.bytes();

        assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id");
        assertThat(ThreadAllocation.bytes() - before).as("bytes allocated").isLessThan(ALLOCATION_ALLOWANCE);
    }

    static Stream<Arguments> hostileClaims() {
        List<Arguments> cases = new ArrayList<>();
        for (SpecificRecordBase record : records()) {
            List<Schema.Field> fields = record.getSchema().getFields();
            for (int i = 0; i < fields.size(); i++) {
                Schema.Field field = fields.get(i);
                for (Claim claim : claims(field.schema(), field.name())) {
                    cases.add(Arguments.of(record.getSchema().getName() + "." + claim.description(), record,
                            wire(record, body(record, i, claim.bytes()))));
                }
            }
        }
        return cases.stream();
    }

    /** What can lie in a value of {@code schema}: each length, count or index claim, as encoded. */
    private static List<Claim> claims(Schema schema, String where) {
        List<Claim> claims = new ArrayList<>();
        switch (schema.getType()) {
            case STRING, BYTES -> {
                for (long length : LENGTHS) {
                    claims.add(new Claim(where + " length " + length, varint(length)));
                }
            }
            case ARRAY -> {
                for (long count : COUNTS) {
                    claims.add(new Claim(where + " count " + count, varint(count)));
                    // A negative count is followed by the block's byte size.
                    claims.add(new Claim(where + " count -" + count + " in 3 bytes", concat(varint(-count), varint(3))));
                }
                claims.add(new Claim(where + " count " + Long.MIN_VALUE, concat(varint(Long.MIN_VALUE), varint(3))));
                claims.add(new Claim(where + " count -1 in " + Long.MAX_VALUE + " bytes",
                        concat(varint(-1), varint(Long.MAX_VALUE))));
                claims.add(new Claim(where + " count -1 in -1 bytes", concat(varint(-1), varint(-1))));
            }
            case ENUM -> indexClaims(claims, where + " symbol", schema.getEnumSymbols().size());
            case UNION -> {
                indexClaims(claims, where + " branch", schema.getTypes().size());
                for (int branch = 0; branch < schema.getTypes().size(); branch++) {
                    for (Claim inner : claims(schema.getTypes().get(branch), where + "[" + branch + "]")) {
                        claims.add(new Claim(inner.description(), concat(varint(branch), inner.bytes())));
                    }
                }
            }
            case LONG -> claims.add(new Claim(where + " as an 11-byte varint",
                    new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1}));
            default -> { }
        }
        return claims;
    }

    private static void indexClaims(List<Claim> claims, String where, int size) {
        for (int index : INDEXES) {
            claims.add(new Claim(where + " " + index, varint(index)));
        }
        claims.add(new Claim(where + " " + size + " of " + size, varint(size)));
    }

    private record Claim(String description, byte[] bytes) {
    }

    private static List<SpecificRecordBase> records() {
        return List.of(TestRecords.click(), TestRecords.conversion(), TestRecords.promoCode(), TestRecords.decision());
    }

    @SuppressWarnings("unchecked")
    private static Deserializer<SpecificRecordBase> deserializer(SpecificRecordBase record) {
        return AvroSerdes.valueSerde((Class<SpecificRecordBase>) record.getClass(), REGISTRY).deserializer();
    }

    private static byte[] wire(SpecificRecordBase record, byte[] body) {
        int id = REGISTRY.register(record.getSchema().getName() + "-value", record.getSchema());
        return concat(new byte[] {WireFormat.MAGIC_BYTE, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8),
                (byte) id}, body);
    }

    /** The record's first {@code field} fields, then {@code claim}, then the record's fields from {@code field} on. */
    private static byte[] body(SpecificRecordBase record, int field, byte[] claim) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Schema.Field> fields = record.getSchema().getFields();
        for (int i = 0; i < fields.size(); i++) {
            if (i == field) {
                out.writeBytes(claim);
            }
            out.writeBytes(encode(fields.get(i).schema(), record, record.get(i)));
        }
        return out.toByteArray();
    }

    private static byte[] encode(Schema schema, SpecificRecordBase record, Object value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<>(schema, record.getSpecificData()).write(value, encoder);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] varint(long value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            encoder.writeLong(value);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
