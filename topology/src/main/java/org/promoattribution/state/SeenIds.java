package org.promoattribution.state;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Ids already seen, for SPEC rule 7 and A6. A window store keyed by (scope, id) and stamped with
 * the wall clock: SPEC "Time" remembers an id for its retention in processing time, whatever the
 * event times of it or of other records, and old ids expire by whole segments at no per-record
 * cost. Each id keeps a detail of its first sighting, which may be replaced (the decision ledger
 * keeps a conversion's current amount there) without moving its first sighting.
 */
public final class SeenIds {
    private final WindowStore<Bytes, byte[]> store;
    private final long retentionMs;

    /** An id's detail and the wall-clock time it was first seen. */
    public record Sighting(long firstSeenMs, byte[] detail) {
    }

    public SeenIds(WindowStore<Bytes, byte[]> store, long retentionMs) {
        this.store = store;
        this.retentionMs = retentionMs;
    }

    /**
     * Records the id, with {@code detail}, at wall-clock time {@code nowMs}; returns the detail of
     * its earlier sighting within the retention, or null when this is the first.
     */
    public byte[] earlierSighting(String scope, String id, byte[] detail, long nowMs) {
        return earlierSighting(key(scope, id), detail, nowMs);
    }

    public byte[] earlierSighting(Bytes key, byte[] detail, long nowMs) {
        Sighting earlier = find(key, nowMs);
        if (earlier != null) {
            return earlier.detail();
        }
        store.put(key, detail, nowMs);
        return null;
    }

    /** The id's sighting within the retention, or null. */
    public Sighting find(Bytes key, long nowMs) {
        try (WindowStoreIterator<byte[]> it = store.fetch(key, nowMs - retentionMs, Long.MAX_VALUE)) {
            if (it.hasNext()) {
                KeyValue<Long, byte[]> found = it.next();
                return new Sighting(found.key, found.value);
            }
        }
        return null;
    }

    /** Keeps {@code detail} for the id from now on; it is still forgotten a retention after its first sighting. */
    public void replace(Bytes key, Sighting sighting, byte[] detail) {
        store.put(key, detail, sighting.firstSeenMs());
    }

    /** The first of the parts {@link #key} was made of (the scope, e.g. the programId), when they were several. */
    public static String firstPart(Bytes key) {
        ByteBuffer in = ByteBuffer.wrap(key.get());
        int length = in.getInt();
        return new String(key.get(), Integer.BYTES, length, StandardCharsets.UTF_8);
    }

    /** The parts, each but the last preceded by its length, so that no two lists of parts share a key. */
    public static Bytes key(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (int i = 0; i < parts.length; i++) {
            byte[] part = parts[i].getBytes(StandardCharsets.UTF_8);
            if (i < parts.length - 1) {
                out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
            }
            out.writeBytes(part);
        }
        return Bytes.wrap(out.toByteArray());
    }
}
