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
import org.promoattribution.schemas.registry.RegisteredSchema;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * Writes a generated Avro record in the Confluent wire format under the subject
 * {@code <topic>-value} (or {@code -key}), the TopicNameStrategy.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private final SchemaRegistryClient registry;
    private final Schema schema;
    private final SubjectTargets<T> targets;
    private final boolean isKey;
    /** Registry answers per subject: the id to write and how; failures are not cached. */
    private final ConcurrentMap<String, Target<T>> targetsBySubject = new ConcurrentHashMap<>();

    AvroSerializer(SchemaRegistryClient registry, Schema schema, SubjectTargets<T> targets, boolean isKey) {
        this.registry = registry;
        this.schema = schema;
        this.targets = targets;
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Target<T> target = targetFor(subject);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(new byte[WireFormat.HEADER_SIZE]);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            target.body().write(data, encoder);
            encoder.flush();
            byte[] bytes = out.toByteArray();
            WireFormat.writeHeader(ByteBuffer.wrap(bytes), target.id());
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for " + subject
                    + " with schema id " + target.id(), e);
        }
    }

    /** Asks the registry outside the map's lock, so that a slow registry blocks no other subject. */
    private Target<T> targetFor(String subject) {
        Target<T> target = targetsBySubject.get(subject);
        if (target != null) {
            return target;
        }
        Target<T> created = targets.targetFor(registry, subject, schema);
        Target<T> raced = targetsBySubject.putIfAbsent(subject, created);
        return raced != null ? raced : created;
    }

    /** The schema id a record is tagged with, and the writer of its body in that schema. */
    record Target<T>(int id, BodyWriter<T> body) {
    }

    /** How the serializer picks the schema it writes under: registration, look-up, or the subject's latest version. */
    interface SubjectTargets<T> {
        Target<T> targetFor(SchemaRegistryClient registry, String subject, Schema schema);

        /** The compiled schema, registered on first use. */
        static <T> SubjectTargets<T> autoRegister(Schema schema) {
            DatumWriter<T> writer = new SpecificDatumWriter<>(schema);
            return (registry, subject, s) -> new Target<>(registry.register(subject, s), writer::write);
        }

        /** The compiled schema, which must be registered already. */
        static <T> SubjectTargets<T> lookUpRegistered(Schema schema) {
            DatumWriter<T> writer = new SpecificDatumWriter<>(schema);
            return (registry, subject, s) -> new Target<>(registry.idOf(subject, s), writer::write);
        }

        /**
         * The subject's latest schema, looked up once per subject, and the record re-written in it
         * ({@link LatestSchemaWriter}); one writer per latest schema id, shared by subjects that
         * have the same latest schema.
         */
        static <T> SubjectTargets<T> useLatestVersion() {
            ConcurrentMap<Integer, BodyWriter<T>> writersById = new ConcurrentHashMap<>();
            return (registry, subject, schema) -> {
                RegisteredSchema latest = registry.latestVersion(subject);
                BodyWriter<T> writer = writersById.get(latest.id());
                if (writer == null) {
                    writer = LatestSchemaWriter.of(schema, latest);
                    writersById.putIfAbsent(latest.id(), writer);
                }
                return new Target<>(latest.id(), writer);
            };
        }
    }
}
