package org.promoattribution.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;

/**
 * The decoded {@link SessionEntry} of the sessions heard of last, so that a click or a decision of
 * a busy session neither looks its entry up in the store's cache (a tree of byte keys) nor decodes
 * it. Only a copy: every change is written to the store as well, and the copy is made anew with
 * each {@link ClickHistoryStore} (at every processor init, so after a restore, a rebalance or a
 * dirty close), so a crash loses nothing but this copy. Bounded by an estimate of its entries' heap.
 */
final class DecodedSessions {
    /** The estimated heap of the entries kept, per task. */
    static final long MAX_BYTES = 4L << 20;
    /** An object's header and fields, about: an entry, a held click, a string. */
    private static final int OBJECT_BYTES = 48;

    private final Map<Bytes, SessionEntry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    /** The session's entry, forgotten here until {@link #keep} gives it back. */
    SessionEntry take(Bytes session) {
        SessionEntry entry = entries.remove(session);
        if (entry != null) {
            bytes -= weight(entry);
        }
        return entry;
    }

    SessionEntry get(Bytes session) {
        return entries.get(session);
    }

    /** Keeps the entry as written to the store, forgetting the longest unheard-of sessions beyond the bound. */
    void keep(Bytes session, SessionEntry entry) {
        SessionEntry previous = entries.put(session, entry);
        bytes += weight(entry) - (previous == null ? 0 : weight(previous));
        Iterator<SessionEntry> eldest = entries.values().iterator();
        while (bytes > MAX_BYTES && eldest.hasNext()) {
            bytes -= weight(eldest.next());
            eldest.remove();
        }
    }

    void forget(Bytes session) {
        take(session);
    }

    /** The entry's heap, about: a held click is its bytes, once as written and once as its two strings. */
    private static long weight(SessionEntry entry) {
        return OBJECT_BYTES + Integer.BYTES * (long) entry.idHashes.length
                + (entry.inline == null ? 0 : 3L * OBJECT_BYTES * entry.inline.size() + 2L * entry.heldBytes());
    }
}
