package org.promoattribution.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * Reads the Confluent wire format into a generated class, resolving the writer's schema
 * (looked up by id, cached) against today's schema, so older versions still read.
 * Throws {@link SerializationException} for bad bytes and lets registry exceptions through.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final ConcurrentMap<Integer, DatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

    AvroDeserializer(SchemaRegistryClient registry, Schema readerSchema) {
        this.registry = registry;
        this.readerSchema = readerSchema;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        int id = WireFormat.readSchemaId(buffer);
        DatumReader<T> reader = readersBySchemaId.computeIfAbsent(id,
                i -> new SpecificDatumReader<>(registry.schemaById(i), readerSchema));
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, buffer.position(), buffer.remaining(), null);
            return reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException("cannot read " + readerSchema.getName()
                    + " written with schema id " + id + ": " + e.getMessage(), e);
        }
    }
}
