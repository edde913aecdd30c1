package org.promoattribution.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroTypeException;
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
 * Throws {@link SerializationException} for bad bytes ({@link SchemaResolutionException} when the
 * writer's schema cannot be resolved against today's) and lets registry exceptions through.
 * Every body is first checked against the writer's schema ({@link BodyBoundsCheck}), so no length
 * read from it makes Avro allocate beyond the record's size.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final ConcurrentMap<Integer, WriterReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

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
        WriterReader<T> resolved = readerFor(id);
        try {
            resolved.bounds().check(data, buffer.position(), buffer.remaining());
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, buffer.position(), buffer.remaining(), null);
            return resolved.reader().read(null, decoder);
        } catch (AvroTypeException e) {
            throw SchemaResolutionErrors.explain(readerSchema, resolved.writer(), id, e);
        } catch (IOException | RuntimeException e) {
            // Anything else thrown while reading comes from the bytes (BodyBoundsCheck's verdict, or a
            // value Avro's conversions refuse, such as an empty decimal): bad data, not a broken pipeline.
            throw new SerializationException("cannot read " + readerSchema.getName()
                    + " written with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * The reader for a writer schema id. The registry is asked outside the map's lock: a remote
     * call inside computeIfAbsent would block other ids hashed alike, and a failure is not cached.
     */
    private WriterReader<T> readerFor(int id) {
        WriterReader<T> reader = readersBySchemaId.get(id);
        if (reader != null) {
            return reader;
        }
        Schema writer = registry.schemaById(id);
        WriterReader<T> created = new WriterReader<>(writer, new BodyBoundsCheck(writer),
                new SpecificDatumReader<>(writer, readerSchema));
        WriterReader<T> raced = readersBySchemaId.putIfAbsent(id, created);
        return raced != null ? raced : created;
    }

    /** A writer schema, the check of bodies written with it, and the datum reader that resolves it against the reader's schema. */
    private record WriterReader<T>(Schema writer, BodyBoundsCheck bounds, DatumReader<T> reader) {
    }
}
