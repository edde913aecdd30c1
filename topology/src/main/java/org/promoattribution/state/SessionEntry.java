package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The per-session entry of the {@link StoreNames#CLICK_SESSIONS} store (cached, so a busy session
 * reaches RocksDB and its changelog once a commit interval, not once a click): the next arrival
 * number, the count of clicks held, the latest click time (the session's own clock, SPEC "Time"),
 * the oldest (so an append looks for clicks to drop only when there are some), the wall-clock time
 * of its last click (for forgetting idle sessions), and a hash of each held click's id, so that a
 * click delivered again (SPEC rule 7) is found without a store read of its own.
 *
 * <p>The three earlier layouts are still read: the first two lack the oldest and the last-seen
 * time, and none has the hashes ({@link #idHashes} null), which the store rebuilds from the
 * session's clicks on its first append after the upgrade.
 */
final class SessionEntry {
    static final long UNKNOWN = Long.MIN_VALUE;
    private static final int WITHOUT_OLDEST = Long.BYTES * 2 + Integer.BYTES;
    private static final int WITHOUT_LAST_SEEN = WITHOUT_OLDEST + Long.BYTES;
    private static final int FIXED = WITHOUT_LAST_SEEN + Long.BYTES;
    private static final int[] NONE = new int[0];

    final long nextArrival;
    final int count;
    final long latestTimestamp;
    final long oldestTimestamp;
    final long lastSeenWallMs;
    /** The hashes of the held clicks' ids (any order, one per click), or null when written by an earlier layout. */
    final int[] idHashes;

    SessionEntry(long nextArrival, int count, long latestTimestamp, long oldestTimestamp, long lastSeenWallMs,
                 int[] idHashes) {
        this.nextArrival = nextArrival;
        this.count = count;
        this.latestTimestamp = latestTimestamp;
        this.oldestTimestamp = oldestTimestamp;
        this.lastSeenWallMs = lastSeenWallMs;
        this.idHashes = idHashes;
    }

    static SessionEntry read(byte[] bytes) {
        if (bytes == null) {
            return new SessionEntry(0, 0, Long.MIN_VALUE, Long.MAX_VALUE, UNKNOWN, NONE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long nextArrival = buffer.getLong();
        int count = buffer.getInt();
        long latest = buffer.getLong();
        long oldest = bytes.length == WITHOUT_OLDEST ? Long.MIN_VALUE : buffer.getLong();
        long lastSeen = bytes.length <= WITHOUT_LAST_SEEN ? UNKNOWN : buffer.getLong();
        int[] hashes = null;
        if (bytes.length == FIXED + Integer.BYTES * count) {
            hashes = new int[count];
            buffer.asIntBuffer().get(hashes);
        }
        return new SessionEntry(nextArrival, count, latest, oldest, lastSeen, hashes);
    }

    /** The hash kept per click id; equal ids have equal hashes, and a match is confirmed in the history. */
    static int hash(String clickId) {
        return clickId.hashCode();
    }

    boolean mayHold(int idHash) {
        for (int held : idHashes) {
            if (held == idHash) {
                return true;
            }
        }
        return false;
    }

    SessionEntry withHashes(int[] hashes) {
        return new SessionEntry(nextArrival, count, latestTimestamp, oldestTimestamp, lastSeenWallMs, hashes);
    }

    SessionEntry seenAt(long wallMs) {
        return new SessionEntry(nextArrival, count, latestTimestamp, oldestTimestamp, wallMs, idHashes);
    }

    /** {@code hashes} less one occurrence of each of {@code removed}. */
    static int[] without(int[] hashes, int[] removed) {
        int[] kept = hashes.clone();
        int size = kept.length;
        for (int hash : removed) {
            for (int i = 0; i < size; i++) {
                if (kept[i] == hash) {
                    kept[i] = kept[--size];
                    break;
                }
            }
        }
        return Arrays.copyOf(kept, size);
    }

    static int[] with(int[] hashes, int added) {
        int[] more = Arrays.copyOf(hashes, hashes.length + 1);
        more[hashes.length] = added;
        return more;
    }

    byte[] write() {
        int[] hashes = idHashes == null ? NONE : idHashes;
        ByteBuffer out = ByteBuffer.allocate(FIXED + Integer.BYTES * hashes.length).putLong(nextArrival).putInt(count)
                .putLong(latestTimestamp).putLong(oldestTimestamp).putLong(lastSeenWallMs);
        out.asIntBuffer().put(hashes);
        return out.array();
    }
}
