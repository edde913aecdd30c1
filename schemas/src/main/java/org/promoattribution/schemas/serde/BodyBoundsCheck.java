package org.promoattribution.schemas.serde;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Walks an Avro binary body against its writer's schema before Avro decodes it, so that no length
 * or count read from the record makes the decoder allocate more than the record's size warrants.
 * Avro allocates what a string length or an array count claims before reading the items, and its
 * own limits ({@code org.apache.avro.limits.*}) are JVM-wide constants near 2^31, not the record's size.
 *
 * <p>One pass, no allocation per field. A body passes when:
 * <ul>
 *   <li>every string and bytes length is between 0 and the bytes left;</li>
 *   <li>every array or map block holds no more items than the bytes left (or its declared byte size)
 *       can encode, counting each item as its smallest encoding and at least one byte; a negative
 *       count's byte size is within the bytes left and is exactly what its items take;</li>
 *   <li>all blocks of the body together hold no more items than the body has bytes (so items that
 *       encode in zero bytes, such as nulls, cannot multiply across nested arrays);</li>
 *   <li>union branch and enum symbol indexes are in range, ints take at most 5 bytes and longs 10;</li>
 *   <li>records, arrays and maps nest at most {@link #MAX_DEPTH} deep (a writer's schema may be
 *       recursive, and Avro's reader recurses once per level);</li>
 *   <li>the body ends where the record ends: bytes after it mean the schema id does not describe
 *       what was written, and reading a prefix would silently drop data.</li>
 * </ul>
 * Values themselves (UTF-8, booleans, decimals) are left to the decoder.
 */
final class BodyBoundsCheck {
    /** Far beyond any record of the pipeline, far below the depth that overflows Avro's recursive reader. */
    static final int MAX_DEPTH = 64;

    private final Schema writer;
    /** For each array or map schema reachable from the writer's, the fewest bytes one item takes, at least 1. */
    private final Map<Schema, Long> itemSizes = new IdentityHashMap<>();

    BodyBoundsCheck(Schema writer) {
        this.writer = writer;
        minSize(writer, new IdentityHashMap<>());
    }

    /**
     * @throws SerializationException saying what is out of bounds, at which byte of {@code data}, in which field
     */
    void check(byte[] data, int offset, int length) {
        Walk walk = new Walk(data, offset, offset + length);
        try {
            walk.value(writer, 0);
        } catch (OutOfBounds e) {
            throw new SerializationException(e.getMessage() + (e.path == null ? "" : ", in field " + e.path));
        }
        if (walk.pos != walk.end) {
            throw new SerializationException((walk.end - walk.pos) + " bytes after the end of the record, at byte "
                    + walk.pos);
        }
    }

    /**
     * The fewest bytes a value of {@code schema} takes, saturated at Integer.MAX_VALUE; fills
     * {@link #itemSizes} on the way. A recursive reference counts 0 while its schema is being sized,
     * which keeps every result a lower bound, all that bounding needs.
     */
    private long minSize(Schema schema, Map<Schema, Long> sized) {
        Long known = sized.get(schema);
        if (known != null) {
            return known;
        }
        sized.put(schema, 0L);
        long size = switch (schema.getType()) {
            case NULL -> 0;
            case BOOLEAN, INT, LONG, ENUM, STRING, BYTES -> 1;
            case FLOAT -> 4;
            case DOUBLE -> 8;
            case FIXED -> schema.getFixedSize();
            case ARRAY -> container(schema, minSize(schema.getElementType(), sized));
            case MAP -> container(schema, 1 + minSize(schema.getValueType(), sized));
            case UNION -> 1 + schema.getTypes().stream().mapToLong(t -> minSize(t, sized)).min().orElse(0);
            case RECORD -> schema.getFields().stream().mapToLong(f -> minSize(f.schema(), sized))
                    .reduce(0, (a, b) -> Math.min(a + b, Integer.MAX_VALUE));
        };
        sized.put(schema, size);
        return size;
    }

    /** Files the item size of an array or map; the container itself takes at least its closing count. */
    private long container(Schema schema, long itemSize) {
        itemSizes.put(schema, Math.max(1, itemSize));
        return 1;
    }

    /** One pass over one body: the cursor, and the items all blocks may still hold. */
    private final class Walk {
        private final byte[] data;
        private final int end;
        private int pos;
        private long itemBudget;

        Walk(byte[] data, int offset, int end) {
            this.data = data;
            this.pos = offset;
            this.end = end;
            this.itemBudget = end - offset;
        }

        void value(Schema schema, int depth) {
            switch (schema.getType()) {
                case NULL -> { }
                case BOOLEAN -> skip(1);
                case INT -> readInt();
                case LONG -> readLong();
                case FLOAT -> skip(4);
                case DOUBLE -> skip(8);
                case FIXED -> skip(schema.getFixedSize());
                case STRING, BYTES -> lengthPrefixed();
                case ENUM -> index(schema.getEnumSymbols().size(), "symbol");
                case UNION -> {
                    List<Schema> branches = schema.getTypes();
                    // Not a level of its own: a union's branch is never a union.
                    value(branches.get(index(branches.size(), "union branch")), depth);
                }
                case RECORD -> fields(schema.getFields(), deeper(depth));
                case ARRAY -> blocks(schema, schema.getElementType(), false, deeper(depth));
                case MAP -> blocks(schema, schema.getValueType(), true, deeper(depth));
            }
        }

        private void fields(List<Schema.Field> fields, int depth) {
            for (int i = 0; i < fields.size(); i++) {
                Schema.Field field = fields.get(i);
                try {
                    value(field.schema(), depth);
                } catch (OutOfBounds e) {
                    throw e.in(field.name());
                }
            }
        }

        private void blocks(Schema container, Schema items, boolean keyed, int depth) {
            long itemSize = itemSizes.get(container);
            for (long count = readLong(); count != 0; count = readLong()) {
                int blockEnd = -1;
                if (count < 0) {
                    if (count == Long.MIN_VALUE) {
                        throw new OutOfBounds("block count " + count + " at byte " + pos);
                    }
                    count = -count;
                    long size = readLong();
                    if (size < 0 || size > end - pos) {
                        throw new OutOfBounds("block size " + size + " at byte " + pos + " exceeds the "
                                + (end - pos) + " bytes left");
                    }
                    blockEnd = pos + (int) size;
                }
                int room = (blockEnd < 0 ? end : blockEnd) - pos;
                if (count > room / itemSize) {
                    throw new OutOfBounds("block of " + count + " items, each of at least " + itemSize
                            + " bytes, at byte " + pos + " exceeds the " + room + " bytes left");
                }
                if (count > itemBudget) {
                    throw new OutOfBounds("block of " + count + " items at byte " + pos
                            + " makes more items than the record has bytes");
                }
                itemBudget -= count;
                for (long i = 0; i < count; i++) {
                    if (keyed) {
                        lengthPrefixed();
                    }
                    value(items, depth);
                }
                if (blockEnd >= 0 && pos != blockEnd) {
                    throw new OutOfBounds("block's items end at byte " + pos + ", not at byte " + blockEnd
                            + " as its size says");
                }
            }
        }

        private int deeper(int depth) {
            if (depth == MAX_DEPTH) {
                throw new OutOfBounds("nested deeper than " + MAX_DEPTH + " levels at byte " + pos);
            }
            return depth + 1;
        }

        private void lengthPrefixed() {
            int at = pos;
            long length = readLong();
            if (length < 0 || length > end - pos) {
                throw new OutOfBounds("length " + length + " at byte " + at + " exceeds the " + (end - pos)
                        + " bytes left");
            }
            pos += (int) length;
        }

        private int index(int size, String what) {
            int at = pos;
            int index = readInt();
            if (index < 0 || index >= size) {
                throw new OutOfBounds(what + " index " + index + " at byte " + at + " out of range (" + size + ")");
            }
            return index;
        }

        private void skip(int length) {
            if (length > end - pos) {
                throw new OutOfBounds("record ends at byte " + end + ", " + length + " bytes needed at byte " + pos);
            }
            pos += length;
        }

        /** A zig-zag varint of at most 5 bytes; high bits of the 5th are dropped, as Avro's decoder does. */
        private int readInt() {
            int at = pos;
            int raw = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = nextByte();
                raw |= (b & 0x7f) << shift;
                if (b < 0x80) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new OutOfBounds("int at byte " + at + " longer than 5 bytes");
        }

        /** A zig-zag varint of at most 10 bytes; high bits of the 10th are dropped, as Avro's decoder does. */
        private long readLong() {
            int at = pos;
            long raw = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                int b = nextByte();
                raw |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new OutOfBounds("long at byte " + at + " longer than 10 bytes");
        }

        private int nextByte() {
            if (pos == end) {
                throw new OutOfBounds("record ends early, at byte " + end);
            }
            return data[pos++] & 0xff;
        }
    }

    /** Unwinds the walk to {@link #check}, collecting the field path; no stack trace, nobody reads it. */
    private static final class OutOfBounds extends RuntimeException {
        private String path;

        OutOfBounds(String message) {
            super(message, null, false, false);
        }

        OutOfBounds in(String field) {
            path = path == null ? field : field + "." + path;
            return this;
        }
    }
}
