package org.promoattribution.state;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The conversion ids versions before {@link SeenConversionIds} remembered, in the window store
 * {@link StoreNames#SEEN_CONVERSIONS} (README "Upgrading"). Read on a miss of the new store only
 * while it may hold an id within the retention: until the newest id it holds is a retention old.
 * Then it is retired: one tombstone stamped with the wall clock moves the store's time on, so that
 * Kafka Streams drops its expired segments, here and wherever its changelog is restored.
 */
public final class PreviousSeenConversions {
    /** Never an id's key: {@link SeenIds#key} of a program and an id holds the program's length. */
    private static final Bytes RETIRED = Bytes.wrap(new byte[0]);
    private final WindowStore<Bytes, byte[]> store;
    private final SeenIds ids;
    private final long lastLiveMs;

    private PreviousSeenConversions(WindowStore<Bytes, byte[]> store, long retentionMs, long newestMs) {
        this.store = store;
        this.ids = new SeenIds(store, retentionMs);
        this.lastLiveMs = newestMs + retentionMs;
    }

    /**
     * The previous store, when it holds an id seen within the retention before {@code nowMs}; else
     * null (a fresh install, or an upgrade more than a retention ago), after retiring it if it still
     * holds expired ids. Reads every id of the last retention once: this costs only in the retention
     * after an upgrade, once per task start.
     */
    public static PreviousSeenConversions open(WindowStore<Bytes, byte[]> store, long retentionMs, long nowMs) {
        long newest = Long.MIN_VALUE;
        try (KeyValueIterator<Windowed<Bytes>, byte[]> it = store.fetchAll(nowMs - retentionMs, Long.MAX_VALUE)) {
            while (it.hasNext()) {
                newest = Math.max(newest, it.next().key.window().start());
            }
        }
        if (newest != Long.MIN_VALUE) {
            return new PreviousSeenConversions(store, retentionMs, newest);
        }
        try (KeyValueIterator<Windowed<Bytes>, byte[]> it = store.all()) {
            if (it.hasNext()) {
                retire(store, nowMs);
            }
        }
        return null;
    }

    /** The detail of the id's sighting within the retention, or null. */
    public byte[] detail(Bytes key, long nowMs) {
        SeenIds.Sighting sighting = ids.find(key, nowMs);
        return sighting == null ? null : sighting.detail();
    }

    /** Whether no id of the store is within the retention at {@code nowMs}, nor will be: it need not be read again. */
    public boolean outlived(long nowMs) {
        return nowMs > lastLiveMs;
    }

    /** Lets the store drop its segments: once it is {@link #outlived}, what it holds is of no use. */
    public void retire(long nowMs) {
        retire(store, nowMs);
    }

    private static void retire(WindowStore<Bytes, byte[]> store, long nowMs) {
        store.put(RETIRED, null, nowMs);
    }
}
