package org.promoattribution.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.promoattribution.schemas.registry.IncompatibleSchemaException;
import org.promoattribution.schemas.registry.RegisteredSchema;

/**
 * Writes a generated record in a subject's latest schema ({@code use.latest.version}), as
 * Confluent's serializer does: the bytes must be what the id beside them says, or every consumer
 * misreads them. The record, in its compiled schema, is re-read as the latest schema with Avro's
 * schema resolution (fields the record lacks take the latest schema's defaults, fields the latest
 * schema lacks are dropped) and written in it. When the latest schema equals the compiled one the
 * record is written as it is.
 */
final class LatestSchemaWriter {
    private LatestSchemaWriter() {
    }

    /**
     * @throws IncompatibleSchemaException when a record of {@code compiled} cannot be written in the
     *                                     latest schema (a field it requires without default that the
     *                                     record lacks, a type that does not convert), naming each problem
     */
    static <T> BodyWriter<T> of(Schema compiled, RegisteredSchema latest) {
        Schema target = latest.schema();
        DatumWriter<T> direct = new SpecificDatumWriter<>(compiled);
        if (target.equals(compiled)) {
            return direct::write;
        }
        SchemaCompatibility.SchemaPairCompatibility check =
                SchemaCompatibility.checkReaderWriterCompatibility(target, compiled);
        if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new IncompatibleSchemaException(latest.subject(), "cannot write " + compiled.getFullName()
                    + " in the latest schema of subject " + latest.subject() + " (version " + latest.version()
                    + ", id " + latest.id() + "), as use.latest.version=true asks: "
                    + check.getResult().getIncompatibilities().stream()
                    .map(i -> "field " + fieldPath(target, i.getLocation()) + ": " + i.getMessage())
                    .collect(Collectors.joining("; "))
                    + ". Register a schema this version of the pipeline can write, or set use.latest.version=false");
        }
        // Without conversions: values keep their Avro form (decimals as bytes, timestamps as longs).
        DatumReader<Object> resolve = new GenericDatumReader<>(compiled, target, GenericData.get());
        DatumWriter<Object> rewrite = new GenericDatumWriter<>(target, GenericData.get());
        return (record, encoder) -> rewrite.write(resolved(record, direct, resolve), encoder);
    }

    /**
     * The dotted field names along Avro's location ({@code /fields/0/type} is {@code conversionId}),
     * which names fields by position only; the location itself when it leads elsewhere.
     */
    static String fieldPath(Schema schema, String location) {
        List<String> names = new ArrayList<>();
        String[] steps = location.split("/");
        Schema current = schema;
        for (int k = 1; k < steps.length; k++) {
            if (steps[k].equals("fields") && k + 1 < steps.length && current.getType() == Schema.Type.RECORD) {
                int position = Integer.parseInt(steps[++k]);
                if (position >= current.getFields().size()) {
                    return location;
                }
                Schema.Field field = current.getFields().get(position);
                names.add(field.name());
                current = field.schema();
            } else if (steps[k].equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
            } else if (steps[k].equals("values") && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
            } else if (current.getType() == Schema.Type.UNION && steps[k].matches("\\d+")
                    && Integer.parseInt(steps[k]) < current.getTypes().size()) {
                current = current.getTypes().get(Integer.parseInt(steps[k]));
            }
        }
        return names.isEmpty() ? location : String.join(".", names);
    }

    private static <T> Object resolved(T record, DatumWriter<T> direct, DatumReader<Object> resolve)
            throws IOException {
        ByteArrayOutputStream compiledBytes = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(compiledBytes, null);
        direct.write(record, encoder);
        encoder.flush();
        return resolve.read(null, DecoderFactory.get().binaryDecoder(compiledBytes.toByteArray(), null));
    }
}
