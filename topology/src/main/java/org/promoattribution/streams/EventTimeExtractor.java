package org.promoattribution.streams;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * Orders a task's clicks and conversions by the event time the record carries, not by the
 * producer's record timestamp. Kafka Streams takes a task's partitions in timestamp order and each
 * partition first in, first out, so one record stamped ahead (junk bytes stamped an hour ahead
 * are accepted by the broker) would hold back every click behind it while the other partition's
 * orders went by, decided without those clicks. Here a record whose event time cannot be read
 * (not the wire format, an unreadable body, a time before 1970) takes its partition's time and
 * so holds nothing back; one ahead of the wall clock counts as now. The record itself is then
 * decoded and judged as any other.
 *
 * <p>Reading the time costs a walk over the fields before it, no allocation: per writer schema,
 * the way to the {@code timestamp} field is worked out once (strings, numbers, booleans, enums and
 * unions of them can be stepped over; a schema with anything else before it has no readable time).
 */
final class EventTimeExtractor implements TimestampExtractor {
    private static final int HEADER_BYTES = 5;
    private static final int UNREADABLE = -1;
    private final SchemaRegistryClient registry;
    private final Map<Integer, Path> paths = new ConcurrentHashMap<>();

    EventTimeExtractor(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long eventTime = record.value() instanceof byte[] bytes ? eventTime(bytes) : UNREADABLE;
        return eventTime < 0 ? Math.max(partitionTime, 0) : Math.min(eventTime, System.currentTimeMillis());
    }

    long eventTime(byte[] value) {
        if (value.length < HEADER_BYTES || value[0] != 0) {
            return UNREADABLE;
        }
        try {
            Path path = path(ByteBuffer.wrap(value, 1, 4).getInt());
            return path == null ? UNREADABLE : path.read(value, HEADER_BYTES);
        } catch (RuntimeException e) {
            return UNREADABLE; // an unknown id, a registry out of reach, bytes cut short: the record says no time
        }
    }

    /** The way to the writer schema's timestamp; the registry is asked outside the map's lock, and a failure is not kept. */
    private Path path(int schemaId) {
        Path known = paths.get(schemaId);
        if (known == null) {
            known = Path.to(registry.schemaById(schemaId));
            paths.put(schemaId, known);
        }
        return known == Path.NONE ? null : known;
    }

    /** The fields to step over before a top-level long {@code timestamp}. */
    private record Path(List<Schema> before) {
        static final Path NONE = new Path(List.of());

        static Path to(Schema writer) {
            if (writer.getType() != Schema.Type.RECORD) {
                return NONE;
            }
            List<Schema.Field> fields = writer.getFields();
            for (int i = 0; i < fields.size(); i++) {
                Schema.Field field = fields.get(i);
                if (field.name().equals("timestamp")) {
                    boolean stepsOver = fields.subList(0, i).stream().allMatch(f -> Steps.over(f.schema()));
                    return field.schema().getType() == Schema.Type.LONG && stepsOver
                            ? new Path(fields.subList(0, i).stream().map(Schema.Field::schema).toList()) : NONE;
                }
            }
            return NONE;
        }

        long read(byte[] bytes, int start) {
            int[] position = {start};
            for (Schema field : before) {
                Steps.skip(field, bytes, position);
            }
            return Steps.varLong(bytes, position);
        }
    }

    /** Stepping over Avro binary values of the simple types, as their encoding lays them out. */
    private static final class Steps {
        static boolean over(Schema schema) {
            return switch (schema.getType()) {
                case NULL, BOOLEAN, INT, LONG, FLOAT, DOUBLE, STRING, BYTES, ENUM -> true;
                case UNION -> schema.getTypes().stream().allMatch(Steps::over);
                default -> false;
            };
        }

        static void skip(Schema schema, byte[] bytes, int[] position) {
            switch (schema.getType()) {
                case NULL -> { }
                case BOOLEAN -> advance(bytes, position, 1);
                case INT, LONG, ENUM -> varLong(bytes, position);
                case FLOAT -> advance(bytes, position, 4);
                case DOUBLE -> advance(bytes, position, 8);
                case STRING, BYTES -> {
                    long length = varLong(bytes, position);
                    if (length < 0) {
                        throw new IllegalArgumentException("negative length");
                    }
                    advance(bytes, position, length);
                }
                case UNION -> {
                    long branch = varLong(bytes, position);
                    if (branch < 0 || branch >= schema.getTypes().size()) {
                        throw new IllegalArgumentException("no such union branch");
                    }
                    skip(schema.getTypes().get((int) branch), bytes, position);
                }
                default -> throw new IllegalArgumentException("not a simple type");
            }
        }

        /** A zig-zag varint, as Avro writes ints and longs. */
        static long varLong(byte[] bytes, int[] position) {
            long raw = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position[0] >= bytes.length) {
                    throw new IllegalArgumentException("cut short");
                }
                byte b = bytes[position[0]++];
                raw |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        private static void advance(byte[] bytes, int[] position, long count) {
            if (count > bytes.length - position[0]) {
                throw new IllegalArgumentException("cut short");
            }
            position[0] += (int) count;
        }
    }
}
