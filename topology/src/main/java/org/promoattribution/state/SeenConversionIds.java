package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The conversions seen, for SPEC rule 7: one entry per (programId, conversionId) in a key-value
 * store, so that a conversion costs one point lookup (a window store's fetch opened an iterator per
 * segment, 6 % of the stream thread for a tenth of the records). The entry holds the wall-clock
 * time of the first sighting and its detail (the session's routing key). SPEC "Time" remembers an id
 * for the retention in processing time: a lookup takes an older entry for none, and {@link #sweep}
 * deletes such entries. A miss is looked up in the {@link PreviousSeenConversions} while there are any.
 */
public final class SeenConversionIds {
    private final KeyValueStore<Bytes, byte[]> ids;
    private final long retentionMs;
    private final SweepCursor cursor = new SweepCursor();
    private PreviousSeenConversions previous;
    private int recordedSinceSweep;

    /** @param previous the ids an earlier version remembered, or null when none is within the retention */
    public SeenConversionIds(KeyValueStore<Bytes, byte[]> ids, PreviousSeenConversions previous, long retentionMs) {
        this.ids = ids;
        this.previous = previous;
        this.retentionMs = retentionMs;
    }

    /**
     * Records the id, with {@code detail}, at wall-clock time {@code nowMs}; returns the detail of
     * its earlier sighting within the retention, or null when this is the first.
     */
    public byte[] earlierSighting(String programId, String conversionId, byte[] detail, long nowMs) {
        Bytes key = SeenIds.key(programId, conversionId);
        byte[] entry = ids.get(key);
        if (entry != null && live(entry, nowMs)) {
            return Arrays.copyOfRange(entry, Long.BYTES, entry.length);
        }
        if (previous != null) {
            byte[] earlier = previous.detail(key, nowMs);
            if (earlier != null) {
                return earlier; // the previous store forgets it a retention after its first sighting, as this one would
            }
        }
        ids.put(key, ByteBuffer.allocate(Long.BYTES + detail.length).putLong(nowMs).put(detail).array());
        recordedSinceSweep++;
        return null;
    }

    /**
     * Visits, from where the last sweep stopped, {@code batch} ids or, when more were recorded since
     * the last sweep, twice as many as were, and deletes those past the retention. Returns how many
     * it deleted. Visiting more than arrive keeps a pass over the store shorter than the retention
     * (see docs/decisions.md): the store holds at most about twice the ids of one retention.
     */
    public int sweep(int batch, long nowMs) {
        if (previous != null && previous.outlived(nowMs)) {
            previous.retire(nowMs);
            previous = null;
        }
        int visits = Math.max(batch, 2 * recordedSinceSweep);
        recordedSinceSweep = 0;
        int deleted = 0;
        for (KeyValue<Bytes, byte[]> entry : cursor.next(ids, visits)) {
            if (!live(entry.value, nowMs)) {
                ids.delete(entry.key);
                deleted++;
            }
        }
        return deleted;
    }

    /** As a window store's fetch from {@code nowMs} less the retention found it. */
    private boolean live(byte[] entry, long nowMs) {
        return ByteBuffer.wrap(entry).getLong() >= nowMs - retentionMs;
    }
}
