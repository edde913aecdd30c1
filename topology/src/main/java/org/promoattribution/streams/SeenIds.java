package org.promoattribution.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Ids already seen, for SPEC rule 7. A window store keyed by id and stamped with the event
 * clock, so that old ids expire by whole segments at no per-record cost.
 */
final class SeenIds {
    private static final byte[] SEEN = new byte[0];
    private final WindowStore<Bytes, byte[]> store;
    private final long retentionMs;

    SeenIds(WindowStore<Bytes, byte[]> store, long retentionMs) {
        this.store = store;
        this.retentionMs = retentionMs;
    }

    /** Records the id and says whether this is its first sighting within the retention. */
    boolean firstSighting(String scope, String id, long now) {
        Bytes key = key(scope, id);
        try (WindowStoreIterator<byte[]> it = store.fetch(key, now - retentionMs, Long.MAX_VALUE)) {
            if (it.hasNext()) {
                return false;
            }
        }
        store.put(key, SEEN, now);
        return true;
    }

    private static Bytes key(String scope, String id) {
        byte[] s = scope.getBytes(StandardCharsets.UTF_8);
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[4 + s.length + i.length];
        ByteBuffer.wrap(key).putInt(s.length).put(s).put(i);
        return Bytes.wrap(key);
    }
}
