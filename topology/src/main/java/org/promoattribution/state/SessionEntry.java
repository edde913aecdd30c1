package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-session entry of the {@link StoreNames#CLICK_SESSIONS} store (cached, so a busy session
 * reaches RocksDB and its changelog once a commit interval, not once a click): the next arrival
 * number, the count of clicks held, the latest click time (the session's own clock, SPEC "Time"),
 * the oldest (so an append looks for clicks to drop only when there are some), the wall-clock time
 * of its last click (for forgetting idle sessions), a hash of each held click's id, so that a click
 * delivered again (SPEC rule 7) is found without a store read of its own, and how many clicks each
 * partner has held, so that looking for the click of a partner who has none (rule 5's IF_INVOLVED,
 * the usage figures' withoutOwnerClick) reads no clicks.
 *
 * <p>The three earlier layouts (20, 28 and 36 bytes) are still read: the first two lack the oldest
 * and the last-seen time, and none has the hashes and partners ({@link #known} false), which the
 * store rebuilds from the session's clicks on its next click after the upgrade.
 */
final class SessionEntry {
    static final long UNKNOWN = Long.MIN_VALUE;
    private static final int WITHOUT_OLDEST = Long.BYTES * 2 + Integer.BYTES;
    private static final int WITHOUT_LAST_SEEN = WITHOUT_OLDEST + Long.BYTES;
    private static final int WITHOUT_CLICKS = WITHOUT_LAST_SEEN + Long.BYTES;

    final long nextArrival;
    final int count;
    final long latestTimestamp;
    final long oldestTimestamp;
    final long lastSeenWallMs;
    /** The hashes of the held clicks' ids (any order, one per click); empty when not {@link #known}. */
    final int[] idHashes;
    /** Clicks held per partner; empty when not {@link #known}. */
    final Map<String, Integer> partners;
    /** Whether the hashes and partners are kept: false for an entry of an earlier layout with clicks. */
    final boolean known;

    SessionEntry(long nextArrival, int count, long latestTimestamp, long oldestTimestamp, long lastSeenWallMs,
                 int[] idHashes, Map<String, Integer> partners, boolean known) {
        this.nextArrival = nextArrival;
        this.count = count;
        this.latestTimestamp = latestTimestamp;
        this.oldestTimestamp = oldestTimestamp;
        this.lastSeenWallMs = lastSeenWallMs;
        this.idHashes = idHashes;
        this.partners = partners;
        this.known = known;
    }

    static SessionEntry read(byte[] bytes) {
        if (bytes == null) {
            return new SessionEntry(0, 0, Long.MIN_VALUE, Long.MAX_VALUE, UNKNOWN, new int[0], new HashMap<>(), true);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long nextArrival = buffer.getLong();
        int count = buffer.getInt();
        long latest = buffer.getLong();
        long oldest = bytes.length == WITHOUT_OLDEST ? Long.MIN_VALUE : buffer.getLong();
        long lastSeen = bytes.length <= WITHOUT_LAST_SEEN ? UNKNOWN : buffer.getLong();
        if (bytes.length <= WITHOUT_CLICKS) {
            return new SessionEntry(nextArrival, count, latest, oldest, lastSeen, new int[0], new HashMap<>(),
                    count == 0);
        }
        int[] hashes = new int[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = buffer.getInt();
        }
        int partnerCount = buffer.getInt();
        Map<String, Integer> partners = new HashMap<>(partnerCount * 2);
        for (int i = 0; i < partnerCount; i++) {
            partners.put(SessionKey.readString(buffer), buffer.getInt());
        }
        return new SessionEntry(nextArrival, count, latest, oldest, lastSeen, hashes, partners, true);
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

    /** Whether the session may hold a click of this partner: false only when known not to. */
    boolean mayHoldPartner(String partnerId) {
        return !known || partners.containsKey(partnerId);
    }

    SessionEntry withClicks(int[] hashes, Map<String, Integer> partnerCounts) {
        return new SessionEntry(nextArrival, count, latestTimestamp, oldestTimestamp, lastSeenWallMs, hashes,
                partnerCounts, true);
    }

    SessionEntry seenAt(long wallMs) {
        return new SessionEntry(nextArrival, count, latestTimestamp, oldestTimestamp, wallMs, idHashes, partners,
                known);
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

    /** Counts one more click of the partner, or (by -1) one less, forgetting a partner left with none. */
    static void count(Map<String, Integer> partners, String partnerId, int change) {
        partners.merge(partnerId, change, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Written with the hashes and partners when {@link #known}, else in the earlier layout, to be completed later. */
    byte[] write() {
        if (!known) {
            return ByteBuffer.allocate(WITHOUT_CLICKS).putLong(nextArrival).putInt(count).putLong(latestTimestamp)
                    .putLong(oldestTimestamp).putLong(lastSeenWallMs).array();
        }
        byte[][] names = new byte[partners.size()][];
        int[] counts = new int[names.length];
        int size = WITHOUT_CLICKS + Integer.BYTES * (idHashes.length + 1);
        int i = 0;
        for (Map.Entry<String, Integer> partner : partners.entrySet()) {
            names[i] = partner.getKey().getBytes(StandardCharsets.UTF_8);
            counts[i] = partner.getValue();
            size += Integer.BYTES * 2 + names[i].length;
            i++;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putLong(nextArrival).putInt(count).putLong(latestTimestamp)
                .putLong(oldestTimestamp).putLong(lastSeenWallMs);
        for (int hash : idHashes) {
            out.putInt(hash);
        }
        out.putInt(names.length);
        for (int p = 0; p < names.length; p++) {
            out.putInt(names[p].length).put(names[p]).putInt(counts[p]);
        }
        return out.array();
    }
}
