package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How many clicks each partner has held in one session, as {@link SessionEntry} keeps them. A
 * session has few partners, so they are looked for in order, without hashing, and each keeps its
 * name's bytes so that writing the entry on every click encodes no name again.
 */
final class PartnerCounts {
    private String[] names;
    private byte[][] encoded;
    private int[] counts;
    private int size;

    PartnerCounts() {
        this(2);
    }

    private PartnerCounts(int capacity) {
        names = new String[capacity];
        encoded = new byte[capacity][];
        counts = new int[capacity];
    }

    boolean holds(String partnerId) {
        return indexOf(partnerId) >= 0;
    }

    /** Counts one more click of the partner, or (by -1) one less, forgetting a partner left with none. */
    void count(String partnerId, int change) {
        int i = indexOf(partnerId);
        if (i < 0) {
            add(partnerId, partnerId.getBytes(StandardCharsets.UTF_8), change);
        } else if (counts[i] + change == 0) {
            size--;
            names[i] = names[size];
            encoded[i] = encoded[size];
            counts[i] = counts[size];
            names[size] = null;
            encoded[size] = null;
        } else {
            counts[i] += change;
        }
    }

    private void add(String partnerId, byte[] name, int count) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            encoded = Arrays.copyOf(encoded, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        names[size] = partnerId;
        encoded[size] = name;
        counts[size] = count;
        size++;
    }

    private int indexOf(String partnerId) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(partnerId)) {
                return i;
            }
        }
        return -1;
    }

    /** The bytes {@link #writeTo} writes. */
    int encodedSize() {
        int bytes = Integer.BYTES;
        for (int i = 0; i < size; i++) {
            bytes += Integer.BYTES * 2 + encoded[i].length;
        }
        return bytes;
    }

    /** The number of partners, then each partner's length-prefixed UTF-8 name and count. */
    void writeTo(ByteBuffer out) {
        out.putInt(size);
        for (int i = 0; i < size; i++) {
            out.putInt(encoded[i].length).put(encoded[i]).putInt(counts[i]);
        }
    }

    static PartnerCounts readFrom(ByteBuffer in) {
        int partners = in.getInt();
        PartnerCounts read = new PartnerCounts(Math.max(partners, 2));
        for (int i = 0; i < partners; i++) {
            byte[] name = new byte[in.getInt()];
            in.get(name);
            read.add(new String(name, StandardCharsets.UTF_8), name, in.getInt());
        }
        return read;
    }
}
