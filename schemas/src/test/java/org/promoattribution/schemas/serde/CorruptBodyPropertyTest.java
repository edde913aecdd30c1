package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;

/**
 * Whatever a record's bytes become (cut short, bytes overwritten, a huge or negative length or count
 * written over or into them, bytes appended), reading them gives a record or a SerializationException:
 * never an OutOfMemoryError, a NegativeArraySizeException, an IndexOutOfBoundsException, ...; and it
 * allocates no more than a record of this size can need (a heap large enough to hold what a claim
 * says would otherwise hide the claim).
 */
class CorruptBodyPropertyTest {
    private static final List<Class<? extends SpecificRecord>> TYPES =
            List.of(Click.class, Conversion.class, PromoCode.class, AttributionDecision.class, CommissionTerms.class);
    private static final List<Long> HOSTILE = List.of((long) Integer.MAX_VALUE, Integer.MAX_VALUE - 8L, 1L << 30,
            Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MIN_VALUE, -1L, -2L, 1L << 20);
    /** Records here are a few hundred bytes; a claim of 1 MB or more read without the check goes beyond. */
    private static final long ALLOCATION_ALLOWANCE = 1 << 20;
    private static final BigInteger LARGEST_UNSCALED = BigInteger.TEN.pow(20).subtract(BigInteger.ONE);

    private static final InMemorySchemaRegistryClient REGISTRY = new InMemorySchemaRegistryClient();
    private static final Map<Class<? extends SpecificRecord>, Deserializer<? extends SpecificRecord>> DESERIALIZERS =
            TYPES.stream().collect(Collectors.toMap(Function.identity(),
                    type -> AvroSerdes.valueSerde(type, REGISTRY).deserializer()));

    static {
        // A first read of each type (and of its optional parts: items, commission, rates) resolves its
        // schemas and loads classes: not what the allowance is about.
        AttributionDecision withCommission = AttributionDecision.newBuilder(TestRecords.decision())
                .setCommission(new java.math.BigDecimal("1.2345")).setTermsId("t-1").build();
        for (SpecificRecord sample : List.of(TestRecords.click(), TestRecords.conversion(),
                TestRecords.conversionWithItems(), TestRecords.promoCode(), TestRecords.decision(), withCommission,
                TestRecords.terms())) {
            Encoded encoded = Encoded.of(sample.getClass(), encode(sample, writerOf(sample.getClass())));
            DESERIALIZERS.get(encoded.type()).deserialize("t", encoded.wire());
        }
    }

    @Property
    void validRecordsPassTheCheckAndReadBackAsWritten(@ForAll("validRecords") Encoded record) {
        new BodyBoundsCheck(record.schema()).check(record.body(), 0, record.body().length);

        SpecificRecord read = DESERIALIZERS.get(record.type()).deserialize("t", record.wire());

        assertThat(encode(read, writerOf(record.type()))).isEqualTo(record.body());
    }

    @Property(tries = 2000)
    void corruptRecordsReadOrAreSerializationErrors(@ForAll("corruptRecords") Corrupt corrupt) {
        Deserializer<? extends SpecificRecord> deserializer = DESERIALIZERS.get(corrupt.type());
        // A first read may load classes of a path no sample took before (a replacement of text that
        // is not UTF-8, say); what a hostile claim allocates, it allocates on every read.
        catchThrowable(() -> deserializer.deserialize("t", corrupt.wire()));
        long before = ThreadAllocation.bytes();

        Throwable thrown = catchThrowable(() -> deserializer.deserialize("t", corrupt.wire()));

        assertThat(ThreadAllocation.bytes() - before).as("bytes allocated").isLessThan(ALLOCATION_ALLOWANCE);
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SerializationException.class);
        }
    }

    @Provide
    Arbitrary<Encoded> validRecords() {
        return Arbitraries.of(TYPES).flatMap(type -> {
            Schema schema = SpecificData.get().getSchema(type);
            return values(schema).map(value -> Encoded.of(type, encode(value, new GenericDatumWriter<>(schema))));
        });
    }

    @Provide
    Arbitrary<Corrupt> corruptRecords() {
        return validRecords().flatMap(record -> {
            byte[] wire = record.wire();
            Arbitrary<Integer> bodyIndexes = Arbitraries.integers().between(WireFormat.HEADER_SIZE, wire.length - 1);
            Arbitrary<byte[]> cut = Arbitraries.integers().between(0, wire.length - 1)
                    .map(length -> Arrays.copyOf(wire, length));
            Arbitrary<byte[]> overwritten = Combinators.combine(bodyIndexes, Arbitraries.bytes()).as(Overwrite::new)
                    .list().ofMinSize(1).ofMaxSize(4).map(overwrites -> overwrite(wire, overwrites));
            Arbitrary<byte[]> hostile = Combinators.combine(bodyIndexes, Arbitraries.of(HOSTILE).map(CorruptBodyPropertyTest::varint),
                    Arbitraries.of(true, false)).as((at, varint, insert) -> splice(wire, at, varint, insert));
            Arbitrary<byte[]> appended = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4)
                    .map(tail -> splice(wire, wire.length, tail, true));
            return Arbitraries.oneOf(cut, overwritten, hostile, appended).map(bytes -> new Corrupt(record.type(), bytes));
        });
    }

    /** Any value of {@code schema}, as Avro's generic model holds it; decimals within decimal(20, 4)'s digits. */
    private static Arbitrary<Object> values(Schema schema) {
        return switch (schema.getType()) {
            case NULL -> Arbitraries.just(null);
            case STRING -> Arbitraries.strings().ofMaxLength(12).map(s -> s);
            case INT -> Arbitraries.integers().map(i -> i);
            case LONG -> Arbitraries.longs().map(l -> l);
            case BYTES -> Arbitraries.bigIntegers().between(LARGEST_UNSCALED.negate(), LARGEST_UNSCALED)
                    .map(unscaled -> ByteBuffer.wrap(unscaled.toByteArray()));
            case ENUM -> Arbitraries.of(schema.getEnumSymbols()).map(symbol -> new GenericData.EnumSymbol(schema, symbol));
            case UNION -> Arbitraries.oneOf(schema.getTypes().stream().map(CorruptBodyPropertyTest::values).toList());
            case ARRAY -> values(schema.getElementType()).list().ofMaxSize(4).map(items -> items);
            // One entry at most: a map read back iterates in its own order, and the bytes are compared.
            case MAP -> Arbitraries.maps(Arbitraries.strings().ofMaxLength(12), values(schema.getValueType()))
                    .ofMaxSize(1).map(entries -> entries);
            case RECORD -> Combinators.combine(schema.getFields().stream().map(f -> values(f.schema())).toList())
                    .as(fieldValues -> {
                        GenericData.Record record = new GenericData.Record(schema);
                        for (int i = 0; i < fieldValues.size(); i++) {
                            record.put(i, fieldValues.get(i));
                        }
                        return record;
                    });
            default -> throw new IllegalArgumentException("no values for " + schema);
        };
    }

    record Encoded(Class<? extends SpecificRecord> type, Schema schema, int id, byte[] body) {
        static Encoded of(Class<? extends SpecificRecord> type, byte[] body) {
            Schema schema = SpecificData.get().getSchema(type);
            return new Encoded(type, schema, REGISTRY.register(schema.getName() + "-value", schema), body);
        }

        byte[] wire() {
            return splice(ByteBuffer.allocate(WireFormat.HEADER_SIZE).put(WireFormat.MAGIC_BYTE).putInt(id).array(),
                    WireFormat.HEADER_SIZE, body, true);
        }

        @Override
        public String toString() {
            return type.getSimpleName() + " body " + Arrays.toString(body);
        }
    }

    record Corrupt(Class<? extends SpecificRecord> type, byte[] wire) {
        @Override
        public String toString() {
            return type.getSimpleName() + " " + Arrays.toString(wire);
        }
    }

    private record Overwrite(int at, byte value) {
    }

    private static byte[] overwrite(byte[] wire, List<Overwrite> overwrites) {
        byte[] copy = wire.clone();
        overwrites.forEach(o -> copy[o.at()] = o.value());
        return copy;
    }

    /** {@code bytes} inserted at {@code at}, or written over what is there (as far as it goes). */
    private static byte[] splice(byte[] into, int at, byte[] bytes, boolean insert) {
        if (!insert) {
            byte[] copy = into.clone();
            System.arraycopy(bytes, 0, copy, at, Math.min(bytes.length, into.length - at));
            return copy;
        }
        byte[] spliced = new byte[into.length + bytes.length];
        System.arraycopy(into, 0, spliced, 0, at);
        System.arraycopy(bytes, 0, spliced, at, bytes.length);
        System.arraycopy(into, at, spliced, at + bytes.length, into.length - at);
        return spliced;
    }

    private static DatumWriter<SpecificRecord> writerOf(Class<? extends SpecificRecord> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumWriter<>(model.getSchema(type), model);
    }

    private static byte[] varint(long value) {
        return encode(value, new GenericDatumWriter<>(Schema.create(Schema.Type.LONG)));
    }

    private static <T> byte[] encode(T value, DatumWriter<T> writer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(value, encoder);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
