package org.promoattribution.state;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/** Reads the session entries of a test's store, for what they keep of their clicks. */
public final class SessionEntries {
    private SessionEntries() {
    }

    /** The click ids the entries of {@link StoreNames#CLICK_SESSIONS} hold: with their clicks, or their hashes. */
    public static long heldClickIds(KeyValueStore<Bytes, byte[]> sessions) {
        long n = 0;
        try (var it = sessions.all()) {
            while (it.hasNext()) {
                SessionEntry entry = SessionEntry.read(it.next().value, false);
                n += entry.inline != null ? entry.inline.size() : entry.idHashes.length;
            }
        }
        return n;
    }

    /** The clicks the entries of {@link StoreNames#CLICK_SESSIONS} hold themselves. */
    public static long clicksHeldInEntries(KeyValueStore<Bytes, byte[]> sessions) {
        long n = 0;
        try (var it = sessions.all()) {
            while (it.hasNext()) {
                SessionEntry entry = SessionEntry.read(it.next().value, false);
                n += entry.inline != null ? entry.inline.size() : 0;
            }
        }
        return n;
    }
}
