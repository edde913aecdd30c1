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
 * dirty close), so a crash loses nothing but this copy. Bounded by the clicks its entries hold (or
 * whose hashes they hold).
 */
final class DecodedSessions {
    /** About a few megabytes of clicks, id hashes and partner counts per task. */
    static final int MAX_CLICKS = 1 << 16;

    private final Map<Bytes, SessionEntry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long clicks;

    /** The session's entry, forgotten here until {@link #keep} gives it back. */
    SessionEntry take(Bytes session) {
        SessionEntry entry = entries.remove(session);
        if (entry != null) {
            clicks -= weight(entry);
        }
        return entry;
    }

    SessionEntry get(Bytes session) {
        return entries.get(session);
    }

    /** Keeps the entry as written to the store, forgetting the longest unheard-of sessions beyond the bound. */
    void keep(Bytes session, SessionEntry entry) {
        SessionEntry previous = entries.put(session, entry);
        clicks += weight(entry) - (previous == null ? 0 : weight(previous));
        Iterator<SessionEntry> eldest = entries.values().iterator();
        while (clicks > MAX_CLICKS && eldest.hasNext()) {
            clicks -= weight(eldest.next());
            eldest.remove();
        }
    }

    void forget(Bytes session) {
        take(session);
    }

    private static int weight(SessionEntry entry) {
        return 1 + (entry.inline != null ? entry.inline.size() : entry.idHashes.length);
    }
}
