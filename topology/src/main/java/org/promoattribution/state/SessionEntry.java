package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

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
 * <p>A session of at most {@code click.inline.max} clicks holds the clicks themselves instead
 * ({@link #inline}, a layout that starts with {@link #INLINE_LAYOUT}): a click then costs one
 * cached write, which reaches RocksDB and the changelog once a commit interval, and the click
 * history store is not touched. A longer session keeps one click-history entry per click, and this
 * entry keeps only the hashes and partners, so a click does not rewrite the whole session.
 *
 * <p>The three earlier layouts (20, 28 and 36 bytes) are still read: the first two lack the oldest
 * and the last-seen time, and none has the hashes and partners ({@link #known} false), which the
 * store rebuilds from the session's clicks on its next click after the upgrade.
 */
final class SessionEntry {
    static final long UNKNOWN = Long.MIN_VALUE;
    private static final int[] NO_HASHES = new int[0];
    private static final int WITHOUT_OLDEST = Long.BYTES * 2 + Integer.BYTES;
    private static final int WITHOUT_LAST_SEEN = WITHOUT_OLDEST + Long.BYTES;
    private static final int WITHOUT_CLICKS = WITHOUT_LAST_SEEN + Long.BYTES;
    /**
     * The first byte of an entry holding its clicks. The other layouts start with the next arrival
     * number, big-endian and never negative, so their first byte is never this one.
     */
    static final byte INLINE_LAYOUT = (byte) 0xC1;

    final long nextArrival;
    final int count;
    final long latestTimestamp;
    final long oldestTimestamp;
    final long lastSeenWallMs;
    /** The hashes of the held clicks' ids (any order, one per click); empty when not {@link #known}. */
    final int[] idHashes;
    /** Clicks held per partner; empty when not {@link #known}. Changed in place by the click that replaces the entry. */
    final PartnerCounts partners;
    /** Whether the hashes and partners are kept: false for an entry of an earlier layout with clicks. */
    final boolean known;
    /** The session's clicks, oldest first, when the entry holds them; null when the click history does. */
    final List<HeldClick> inline;
    /** The bytes of the held clicks, once counted. */
    private int heldBytes = -1;

    SessionEntry(long nextArrival, int count, long latestTimestamp, long oldestTimestamp, long lastSeenWallMs,
                 int[] idHashes, PartnerCounts partners, boolean known) {
        this(nextArrival, count, latestTimestamp, oldestTimestamp, lastSeenWallMs, idHashes, partners, known, null);
    }

    private SessionEntry(long nextArrival, int count, long latestTimestamp, long oldestTimestamp,
                         long lastSeenWallMs, int[] idHashes, PartnerCounts partners, boolean known,
                         List<HeldClick> inline) {
        this.nextArrival = nextArrival;
        this.count = count;
        this.latestTimestamp = latestTimestamp;
        this.oldestTimestamp = oldestTimestamp;
        this.lastSeenWallMs = lastSeenWallMs;
        this.idHashes = idHashes;
        this.partners = partners;
        this.known = known;
        this.inline = inline;
    }

    /** An entry holding the session's clicks, {@code clicks} oldest first. */
    static SessionEntry holding(List<HeldClick> clicks, long nextArrival, long latestTimestamp, long lastSeenWallMs) {
        return new SessionEntry(nextArrival, clicks.size(), latestTimestamp,
                clicks.isEmpty() ? Long.MAX_VALUE : clicks.get(0).timestamp, lastSeenWallMs, NO_HASHES,
                new PartnerCounts(), true, clicks);
    }

    /** The entry, or for a session not heard of a new one: it holds its clicks itself when {@code inline}. */
    static SessionEntry read(byte[] bytes, boolean inline) {
        if (bytes == null) {
            return inline ? holding(List.of(), 0, Long.MIN_VALUE, UNKNOWN)
                    : new SessionEntry(0, 0, Long.MIN_VALUE, Long.MAX_VALUE, UNKNOWN, NO_HASHES, new PartnerCounts(), true);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes[0] == INLINE_LAYOUT) {
            buffer.get();
            long nextArrival = buffer.getLong();
            long latest = buffer.getLong();
            long lastSeen = buffer.getLong();
            HeldClick[] clicks = new HeldClick[buffer.getInt()];
            for (int i = 0; i < clicks.length; i++) {
                clicks[i] = HeldClick.readFrom(buffer);
            }
            return holding(Arrays.asList(clicks), nextArrival, latest, lastSeen);
        }
        long nextArrival = buffer.getLong();
        int count = buffer.getInt();
        long latest = buffer.getLong();
        long oldest = bytes.length == WITHOUT_OLDEST ? Long.MIN_VALUE : buffer.getLong();
        long lastSeen = bytes.length <= WITHOUT_LAST_SEEN ? UNKNOWN : buffer.getLong();
        if (bytes.length <= WITHOUT_CLICKS) {
            return new SessionEntry(nextArrival, count, latest, oldest, lastSeen, NO_HASHES, new PartnerCounts(),
                    count == 0);
        }
        int[] hashes = new int[count];
        buffer.asIntBuffer().get(hashes);
        buffer.position(buffer.position() + Integer.BYTES * count);
        return new SessionEntry(nextArrival, count, latest, oldest, lastSeen, hashes, PartnerCounts.readFrom(buffer),
                true);
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
        return !known || partners.holds(partnerId);
    }

    SessionEntry withClicks(int[] hashes, PartnerCounts partnerCounts) {
        return new SessionEntry(nextArrival, count, latestTimestamp, oldestTimestamp, lastSeenWallMs, hashes,
                partnerCounts, true);
    }

    SessionEntry seenAt(long wallMs) {
        return new SessionEntry(nextArrival, count, latestTimestamp, oldestTimestamp, wallMs, idHashes, partners,
                known, inline);
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

    /** The bytes of the clicks the entry holds, as written. */
    int heldBytes() {
        if (heldBytes < 0) {
            int size = 0;
            for (HeldClick click : inline == null ? List.<HeldClick>of() : inline) {
                size += click.bytes().length;
            }
            heldBytes = size;
        }
        return heldBytes;
    }

    /** Written with the hashes and partners when {@link #known}, else in the earlier layout, to be completed later. */
    byte[] write() {
        if (inline != null) {
            ByteBuffer out = ByteBuffer.allocate(1 + Long.BYTES * 3 + Integer.BYTES + heldBytes()).put(INLINE_LAYOUT)
                    .putLong(nextArrival).putLong(latestTimestamp).putLong(lastSeenWallMs).putInt(inline.size());
            for (HeldClick click : inline) {
                out.put(click.bytes());
            }
            return out.array();
        }
        if (!known) {
            return ByteBuffer.allocate(WITHOUT_CLICKS).putLong(nextArrival).putInt(count).putLong(latestTimestamp)
                    .putLong(oldestTimestamp).putLong(lastSeenWallMs).array();
        }
        ByteBuffer out = ByteBuffer.allocate(WITHOUT_CLICKS + Integer.BYTES * idHashes.length + partners.encodedSize())
                .putLong(nextArrival).putInt(count).putLong(latestTimestamp).putLong(oldestTimestamp)
                .putLong(lastSeenWallMs);
        out.asIntBuffer().put(idHashes); // in bulk: a long session writes a thousand on every click
        out.position(out.position() + Integer.BYTES * idHashes.length);
        partners.writeTo(out);
        return out.array();
    }
}
