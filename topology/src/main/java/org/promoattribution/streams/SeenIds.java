package org.promoattribution.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Ids already seen, for SPEC rule 7. A window store keyed by (scope, id) and stamped with the
 * wall clock: SPEC "Time" remembers an id for its retention in processing time, whatever the
 * event times of it or of other records, and old ids expire by whole segments at no per-record
 * cost. Each id keeps a detail of its first sighting.
 */
final class SeenIds {
    private final WindowStore<Bytes, byte[]> store;
    private final long retentionMs;

    SeenIds(WindowStore<Bytes, byte[]> store, long retentionMs) {
        this.store = store;
        this.retentionMs = retentionMs;
    }

    /**
     * Records the id, with {@code detail}, at wall-clock time {@code nowMs}; returns the detail of
     * its earlier sighting within the retention, or null when this is the first.
     */
    byte[] earlierSighting(String scope, String id, byte[] detail, long nowMs) {
        Bytes key = key(scope, id);
        try (WindowStoreIterator<byte[]> it = store.fetch(key, nowMs - retentionMs, Long.MAX_VALUE)) {
            if (it.hasNext()) {
                return it.next().value;
            }
        }
        store.put(key, detail, nowMs);
        return null;
    }

    private static Bytes key(String scope, String id) {
        byte[] s = scope.getBytes(StandardCharsets.UTF_8);
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[4 + s.length + i.length];
        ByteBuffer.wrap(key).putInt(s.length).put(s).put(i);
        return Bytes.wrap(key);
    }
}
