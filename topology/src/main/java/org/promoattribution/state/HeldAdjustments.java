package org.promoattribution.state;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.schemas.ConversionAdjustment;

/**
 * Adjustments that arrived before their conversion's decision (SPEC A5), per (programId,
 * conversionId) in arrival order, each with its wall-clock arrival time and its place in the
 * arrival order of them all, so that those rejected together are rejected in the order they came
 * (simulate rejects every one still held at once, at the end of input). Few wait at any time, so
 * each conversion's list is one value, and the expiry check scans them only when the earliest
 * arrival is due.
 */
public final class HeldAdjustments {
    private static final Comparator<Held> ARRIVAL_ORDER = Comparator.comparingLong(Held::arrivalMs)
            .thenComparingLong(Held::sequence);
    private final KeyValueStore<Bytes, byte[]> store;
    private final InternalAvro<ConversionAdjustment> codec = new InternalAvro<>(ConversionAdjustment.class);
    private long earliestArrivalMs = Long.MAX_VALUE;
    private long nextSequence;

    /**
     * @param sequence the place in the arrival order; entries written before there was one read as 0,
     *                 and fall back on their arrival times alone
     */
    private record Held(long arrivalMs, long sequence, ConversionAdjustment adjustment) {
    }

    public HeldAdjustments(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) { // what a restart restored
            it.forEachRemaining(kv -> read(kv.value).forEach(held -> {
                earliestArrivalMs = Math.min(earliestArrivalMs, held.arrivalMs());
                nextSequence = Math.max(nextSequence, held.sequence() + 1);
            }));
        }
    }

    public void hold(Bytes conversion, ConversionAdjustment adjustment, long arrivalMs) {
        List<Held> held = read(store.get(conversion));
        held.add(new Held(arrivalMs, nextSequence++, adjustment));
        store.put(conversion, write(held));
        earliestArrivalMs = Math.min(earliestArrivalMs, arrivalMs);
    }

    /** Hands over, in arrival order, the adjustments waiting for this conversion, and forgets them. */
    public void release(Bytes conversion, Consumer<ConversionAdjustment> apply) {
        if (earliestArrivalMs == Long.MAX_VALUE) {
            return; // none held: most decisions find none, and need no store read to know it
        }
        byte[] value = store.get(conversion);
        if (value != null) {
            store.delete(conversion);
            read(value).forEach(h -> apply.accept(h.adjustment()));
        }
    }

    /** Hands over in arrival order, and forgets, every adjustment that arrived at or before {@code arrivedByMs}. */
    public void releaseArrivedBy(long arrivedByMs, Consumer<ConversionAdjustment> reject) {
        if (arrivedByMs < earliestArrivalMs) {
            return;
        }
        List<Held> due = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        List<ConversionList> lists = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> lists.add(new ConversionList(kv.key, read(kv.value))));
        }
        for (ConversionList list : lists) {
            List<Held> waiting = new ArrayList<>();
            for (Held held : list.held()) {
                if (held.arrivalMs() <= arrivedByMs) {
                    due.add(held);
                } else {
                    waiting.add(held);
                    earliest = Math.min(earliest, held.arrivalMs());
                }
            }
            if (waiting.isEmpty()) {
                store.delete(list.conversion());
            } else if (waiting.size() != list.held().size()) {
                store.put(list.conversion(), write(waiting));
            }
        }
        earliestArrivalMs = earliest;
        due.sort(ARRIVAL_ORDER);
        due.forEach(held -> reject.accept(held.adjustment()));
    }

    private record ConversionList(Bytes conversion, List<Held> held) {
    }

    /**
     * Each entry: a negative number, -(sequence + 1), then the arrival time, the record's length and
     * the record. Entries written before there was a sequence begin with the arrival time, which is
     * never negative.
     */
    private List<Held> read(byte[] value) {
        List<Held> held = new ArrayList<>();
        if (value != null) {
            ByteBuffer in = ByteBuffer.wrap(value);
            while (in.hasRemaining()) {
                long first = in.getLong();
                long sequence = first < 0 ? -(first + 1) : 0;
                long arrival = first < 0 ? in.getLong() : first;
                byte[] record = new byte[in.getInt()];
                in.get(record);
                held.add(new Held(arrival, sequence, codec.decode(record)));
            }
        }
        return held;
    }

    private byte[] write(List<Held> held) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Held h : held) {
            byte[] record = codec.encode(h.adjustment());
            out.writeBytes(ByteBuffer.allocate(2 * Long.BYTES + Integer.BYTES).putLong(-(h.sequence() + 1))
                    .putLong(h.arrivalMs()).putInt(record.length).array());
            out.writeBytes(record);
        }
        return out.toByteArray();
    }
}
