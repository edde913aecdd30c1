package org.promoattribution.state;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Walks a key-value store a batch at a time, each batch starting after the key the last one ended
 * at and the walk starting again from the first key once it reaches the end: a sweep then visits a
 * bounded number of entries per punctuation, however large the store.
 */
final class SweepCursor {
    private Bytes lastVisited;

    /** The next {@code batch} entries, read before any of them is changed. */
    List<KeyValue<Bytes, byte[]>> next(KeyValueStore<Bytes, byte[]> store, int batch) {
        List<KeyValue<Bytes, byte[]>> visited = new ArrayList<>(Math.min(batch, 1024));
        try (KeyValueIterator<Bytes, byte[]> it = store.range(lastVisited, null)) {
            while (it.hasNext() && visited.size() < batch) {
                KeyValue<Bytes, byte[]> entry = it.next();
                if (!entry.key.equals(lastVisited)) {
                    visited.add(entry);
                }
            }
            lastVisited = it.hasNext() && !visited.isEmpty() ? visited.get(visited.size() - 1).key : null;
        }
        return visited;
    }
}
