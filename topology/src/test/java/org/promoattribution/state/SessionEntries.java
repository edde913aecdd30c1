package org.promoattribution.state;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/** Reads the session entries of a test's store, for what they keep of their clicks. */
public final class SessionEntries {
    private SessionEntries() {
    }

    /** The click ids (their hashes) the entries of {@link StoreNames#CLICK_SESSIONS} hold. */
    public static long heldClickIds(KeyValueStore<Bytes, byte[]> sessions) {
        long n = 0;
        try (var it = sessions.all()) {
            while (it.hasNext()) {
                n += SessionEntry.read(it.next().value).idHashes.length;
            }
        }
        return n;
    }
}
