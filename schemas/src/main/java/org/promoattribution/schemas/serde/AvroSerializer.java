package org.promoattribution.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * Writes a generated Avro record in the Confluent wire format under the subject
 * {@code <topic>-value} (or {@code -key}), the TopicNameStrategy.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private final SchemaRegistryClient registry;
    private final Schema schema;
    private final DatumWriter<T> writer;
    private final SubjectSchemaIds schemaIds;
    private final boolean isKey;

    AvroSerializer(SchemaRegistryClient registry, Schema schema, SubjectSchemaIds schemaIds, boolean isKey) {
        this.registry = registry;
        this.schema = schema;
        this.writer = new SpecificDatumWriter<>(schema);
        this.schemaIds = schemaIds;
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        String subject = topic + (isKey ? "-key" : "-value");
        int id = schemaIds.idFor(registry, subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(new byte[WireFormat.HEADER_SIZE]);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
            byte[] bytes = out.toByteArray();
            WireFormat.writeHeader(ByteBuffer.wrap(bytes), id);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for " + subject, e);
        }
    }

    /** How the serializer finds the id to write: registration or the subject's latest version, cached per subject. */
    interface SubjectSchemaIds {
        int idFor(SchemaRegistryClient registry, String subject, Schema schema);

        static SubjectSchemaIds autoRegister() {
            ConcurrentMap<String, Integer> cache = new ConcurrentHashMap<>();
            return (registry, subject, schema) -> cache.computeIfAbsent(subject, s -> registry.register(s, schema));
        }

        static SubjectSchemaIds lookUpRegistered() {
            ConcurrentMap<String, Integer> cache = new ConcurrentHashMap<>();
            return (registry, subject, schema) -> cache.computeIfAbsent(subject, s -> registry.idOf(s, schema));
        }

        static SubjectSchemaIds useLatestVersion() {
            ConcurrentMap<String, Integer> cache = new ConcurrentHashMap<>();
            return (registry, subject, schema) -> cache.computeIfAbsent(subject, s -> registry.latestVersion(s).id());
        }
    }
}
