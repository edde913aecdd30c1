package org.promoattribution.commission;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The keys of a terms' rates (promoCodeIds or categories), sorted once: a lookup is a binary
 * search, and the rates sit in arrays beside them at the same index, with no map entry, boxed
 * value or BigDecimal per key (SPEC "Limits" lets a terms carry 2,000 of them).
 */
final class SortedKeys {
    private final String[] keys;
    private final long bytes;

    SortedKeys(Collection<String> keys) {
        this.keys = keys.toArray(String[]::new);
        Arrays.sort(this.keys);
        long strings = 0;
        for (String key : this.keys) {
            strings += HeapBytes.string(key);
        }
        bytes = HeapBytes.object(HeapBytes.REFERENCE + Long.BYTES)
                + HeapBytes.array(this.keys.length, HeapBytes.REFERENCE) + strings;
    }

    /** The heap of the keys, their strings included. */
    long bytes() {
        return bytes;
    }

    /** The key's index, or a negative number when it is not one of them (categories compare exactly). */
    int indexOf(String key) {
        return key == null ? -1 : Arrays.binarySearch(keys, key);
    }

    String get(int index) {
        return keys[index];
    }

    int size() {
        return keys.length;
    }

    List<String> asList() {
        return List.of(keys);
    }
}
