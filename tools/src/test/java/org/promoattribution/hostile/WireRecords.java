package org.promoattribution.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.promoattribution.schemas.serde.WireFormat;

/**
 * Records in the registry wire format as a careless producer writes them: the record's own
 * schema and id, but none of the checks of Avro's logical types, so that timestamps beyond any
 * calendar and amounts beyond decimal(20,4) reach the pipeline as they would from such a
 * producer. Also the byte-level damage done to valid encodings.
 */
public final class WireRecords {
    /** The schema ids of the three input records, as registered where the records are written. */
    public record SchemaIds(int click, int conversion, int promoCode) {
        /** Read from one valid encoding of each. */
        public static SchemaIds of(byte[] click, byte[] conversion, byte[] promoCode) {
            return new SchemaIds(idOf(click), idOf(conversion), idOf(promoCode));
        }

        int of(Schema schema) {
            return switch (schema.getName()) {
                case "Click" -> click;
                case "Conversion" -> conversion;
                case "PromoCode" -> promoCode;
                default -> throw new IllegalArgumentException(schema.getFullName());
            };
        }

        boolean known(int id) {
            return id == click || id == conversion || id == promoCode;
        }
    }

    private final SchemaIds ids;

    public WireRecords(SchemaIds ids) {
        this.ids = ids;
    }

    public SchemaIds ids() {
        return ids;
    }

    /** The record under its schema's id, written field by field as plain Avro (amounts as scale-4 unscaled bytes). */
    public byte[] encode(SpecificRecord record) {
        Schema schema = record.getSchema();
        GenericRecord plain = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            plain.put(field.pos(), plain(record.get(field.pos()), field.schema()));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(header(ids.of(schema)));
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(plain, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object plain(Object value, Schema schema) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof BigDecimal amount) {
            return ByteBuffer.wrap(amount.setScale(4, RoundingMode.UNNECESSARY).unscaledValue().toByteArray());
        }
        if (value instanceof Enum<?> symbol) {
            return new GenericData.EnumSymbol(schema, symbol.name());
        }
        return value;
    }

    public static int idOf(byte[] encoded) {
        return WireFormat.readSchemaId(ByteBuffer.wrap(encoded));
    }

    /** The same Avro body under another schema id. */
    public static byte[] underSchemaId(byte[] encoded, int id) {
        byte[] copy = encoded.clone();
        ByteBuffer.wrap(copy).put(0, WireFormat.MAGIC_BYTE).putInt(1, id);
        return copy;
    }

    /** A valid header (magic byte and {@code id}) before any body. */
    public static byte[] withHeader(int id, byte[] body) {
        byte[] bytes = Arrays.copyOf(header(id), WireFormat.HEADER_SIZE + body.length);
        System.arraycopy(body, 0, bytes, WireFormat.HEADER_SIZE, body.length);
        return bytes;
    }

    public static byte[] truncated(byte[] encoded, int length) {
        return Arrays.copyOf(encoded, length);
    }

    /** {@code encoded} with each bit at {@code bitPositions} (modulo its length in bits) flipped. */
    public static byte[] bitFlipped(byte[] encoded, int... bitPositions) {
        byte[] copy = encoded.clone();
        for (int position : bitPositions) {
            int bit = Math.floorMod(position, copy.length * 8);
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return copy;
    }

    private static byte[] header(int id) {
        ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
        WireFormat.writeHeader(header, id);
        return header.array();
    }
}
