package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;

class BodyBoundsCheckTest {
    private static final Schema NULLS_OF_NULLS = new Schema.Parser().parse("""
            {"type": "array", "items": {"type": "array", "items": "null"}}""");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void arraysWrittenInSizedBlocksPass() throws IOException {
        Conversion order = Conversion.newBuilder(TestRecords.conversion())
                .setPromoCodes(IntStream.range(0, 2_000).mapToObj(i -> "CODE-" + i).toList()).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Blocks of at most 1 KB, each written as a negative count and its byte size.
        BinaryEncoder encoder = new EncoderFactory().configureBlockSize(1024).blockingBinaryEncoder(out, null);
        new SpecificDatumWriter<Conversion>(Conversion.class).write(order, encoder);
        encoder.flush();
        byte[] body = out.toByteArray();
        Serde<Conversion> serde = AvroSerdes.valueSerde(Conversion.class, registry);
        int id = registry.register("conversions-value", Conversion.getClassSchema());

        assertThatCode(() -> new BodyBoundsCheck(Conversion.getClassSchema()).check(body, 0, body.length))
                .doesNotThrowAnyException();
        assertThat(serde.deserializer().deserialize("conversions", wire(id, body))).isEqualTo(order);
    }

    @Test
    void aSizedBlockMustEndWhereItsSizeSays() {
        Schema strings = Schema.createArray(Schema.create(Schema.Type.STRING));
        // Count -1 in 3 bytes, then one string of 1 byte ("a", 2 bytes in all), then the closing 0.
        byte[] body = {1, 6, 2, 'a', 0};

        assertThatThrownBy(() -> new BodyBoundsCheck(strings).check(body, 0, body.length))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("end at byte 4, not at byte 5");
    }

    @Test
    void itemsOfNoBytesCannotMultiplyAcrossNestedArrays() {
        // 100 inner arrays of 100 nulls each: 10,100 items in 302 bytes, each inner count within the bytes left.
        List<List<Object>> arrays = Collections.nCopies(100, Collections.nCopies(100, null));
        byte[] body = encode(NULLS_OF_NULLS, arrays);

        assertThatThrownBy(() -> new BodyBoundsCheck(NULLS_OF_NULLS).check(body, 0, body.length))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("more items than the record has bytes");
    }

    @Test
    void itemsOfNoBytesPassUpToOnePerByteOfTheRecord() {
        // 6 bytes: outer count, (count, end) twice, end; 6 items. One more null is one item too many.
        byte[] sixItems = encode(NULLS_OF_NULLS, List.of(Arrays.asList(null, null), Arrays.asList(null, null)));
        // Each inner count is within the bytes left after it; the total is not.
        byte[] sevenItems = encode(NULLS_OF_NULLS, List.of(Arrays.asList(null, null, null), Arrays.asList(null, null)));

        assertThat(sixItems).hasSize(6);
        assertThatCode(() -> new BodyBoundsCheck(NULLS_OF_NULLS).check(sixItems, 0, sixItems.length))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new BodyBoundsCheck(NULLS_OF_NULLS).check(sevenItems, 0, sevenItems.length))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("more items than the record has bytes");
    }

    @Test
    void aRecursiveWriterSchemaNestedTooDeepIsASerializationErrorNotAStackOverflow() {
        // A producer's Click with a linked list the reader does not know: Avro would skip it recursively.
        Schema chain = new Schema.Parser().parse("""
                {"type": "record", "name": "Chain", "fields": [{"name": "next", "type": ["null", "Chain"]}]}""");
        List<Schema.Field> fields = new ArrayList<>();
        Click.getClassSchema().getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("chain", chain));
        Schema clickWithChain = Schema.createRecord("Click", null, "org.promoattribution.schemas", false, fields);
        int id = registry.register("clicks-value", clickWithChain);
        Serde<Click> serde = AvroSerdes.valueSerde(Click.class, registry);

        // Click is level 1, the chain field's record level 2, each link one more.
        assertThat(serde.deserializer().deserialize("clicks", wire(id, clickThenChain(BodyBoundsCheck.MAX_DEPTH - 2))))
                .isEqualTo(TestRecords.click());
        assertThatThrownBy(() -> serde.deserializer().deserialize("clicks",
                wire(id, clickThenChain(BodyBoundsCheck.MAX_DEPTH - 1))))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("clicks", wire(id, clickThenChain(100_000))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("nested deeper than " + BodyBoundsCheck.MAX_DEPTH);
    }

    /** A Click's body, then a chain of {@code links} links (each: union branch 1), ended by branch 0 (null). */
    private static byte[] clickThenChain(int links) {
        byte[] click = encode(Click.getClassSchema(), TestRecords.click());
        byte[] body = new byte[click.length + links + 1];
        System.arraycopy(click, 0, body, 0, click.length);
        Arrays.fill(body, click.length, body.length - 1, (byte) 2);
        return body;
    }

    @Test
    void bytesAfterTheRecordAreRejected() {
        byte[] click = encode(Click.getClassSchema(), TestRecords.click());
        byte[] body = Arrays.copyOf(click, click.length + 1);

        assertThatThrownBy(() -> new BodyBoundsCheck(Click.getClassSchema()).check(body, 0, body.length))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("1 bytes after the end of the record, at byte " + click.length);
    }

    @Test
    void anIntTakesAtMostFiveBytes() {
        Schema union = new Schema.Parser().parse("[\"null\", \"long\"]");
        // Branch 0 written in 5 bytes (a valid, if padded, encoding), then in 6.
        byte[] five = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        byte[] six = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};

        assertThatCode(() -> new BodyBoundsCheck(union).check(five, 0, five.length)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new BodyBoundsCheck(union).check(six, 0, six.length))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("int at byte 0 longer than 5 bytes");
    }

    @Test
    void theFieldAtFaultIsNamed() {
        byte[] click = encode(Click.getClassSchema(), TestRecords.click());
        byte[] body = new byte[click.length + 2];
        body[0] = (byte) 0xd0; // clickId's length: 1,000 (zig-zag 2,000), beyond the record
        body[1] = 0x0f;
        System.arraycopy(click, 0, body, 2, click.length);

        assertThatThrownBy(() -> new BodyBoundsCheck(Click.getClassSchema()).check(body, 0, body.length))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("length 1000 at byte 0 exceeds the " + click.length + " bytes left")
                .hasMessageEndingWith("in field clickId");
    }

    private static byte[] encode(Schema schema, Object value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<>(schema, TestRecords.click().getSpecificData()).write(value, encoder);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] wire(int id, byte[] body) {
        byte[] bytes = new byte[WireFormat.HEADER_SIZE + body.length];
        WireFormat.writeHeader(ByteBuffer.wrap(bytes), id);
        System.arraycopy(body, 0, bytes, WireFormat.HEADER_SIZE, body.length);
        return bytes;
    }
}
