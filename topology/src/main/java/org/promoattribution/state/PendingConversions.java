package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.schemas.Conversion;

/**
 * Conversions waiting until the event clock passes their decision time t + D (SPEC rule 8),
 * keyed by (decision time, arrival) so they come out in that order.
 */
public final class PendingConversions {
    private final KeyValueStore<Bytes, byte[]> store;
    private final InternalAvro<Conversion> codec = new InternalAvro<>(Conversion.class);
    private long nextArrival;
    private long earliestDue = Long.MAX_VALUE;

    public PendingConversions(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, byte[]> last = store.reverseAll()) {
            if (last.hasNext()) {
                nextArrival = ByteBuffer.wrap(last.next().key.get()).getLong(Long.BYTES) + 1;
            }
        }
        refreshEarliest();
    }

    public void add(Conversion conversion, long due) {
        store.put(Bytes.wrap(ByteBuffer.allocate(Long.BYTES * 2).putLong(due ^ Long.MIN_VALUE)
                .putLong(nextArrival++).array()), codec.encode(conversion));
        earliestDue = Math.min(earliestDue, due);
    }

    public boolean isEmpty() {
        return earliestDue == Long.MAX_VALUE;
    }

    /** Hands over, in order, every conversion due before {@code now} (now has passed it), and forgets it. */
    public void drainDue(long now, Consumer<Conversion> decide) {
        if (now <= earliestDue) {
            return;
        }
        List<KeyValue<Bytes, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> entry = it.next();
                if ((ByteBuffer.wrap(entry.key.get()).getLong() ^ Long.MIN_VALUE) >= now) {
                    break;
                }
                due.add(entry);
            }
        }
        for (KeyValue<Bytes, byte[]> entry : due) {
            store.delete(entry.key);
            decide.accept(codec.decode(entry.value));
        }
        refreshEarliest();
    }

    public void drainAll(Consumer<Conversion> decide) {
        drainDue(Long.MAX_VALUE, decide);
    }

    private void refreshEarliest() {
        try (KeyValueIterator<Bytes, byte[]> first = store.all()) {
            earliestDue = first.hasNext()
                    ? ByteBuffer.wrap(first.next().key.get()).getLong() ^ Long.MIN_VALUE
                    : Long.MAX_VALUE;
        }
    }
}
