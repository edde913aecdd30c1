package org.promoattribution.state;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.schemas.ConversionAdjustment;

/**
 * Adjustments that arrived before their conversion's decision (SPEC A5), per (programId,
 * conversionId) in arrival order, each with its wall-clock arrival time. Few wait at any time, so
 * each conversion's list is one value, and the expiry check scans them only when the earliest
 * arrival is due.
 */
public final class HeldAdjustments {
    private final KeyValueStore<Bytes, byte[]> store;
    private final InternalAvro<ConversionAdjustment> codec = new InternalAvro<>(ConversionAdjustment.class);
    private long earliestArrivalMs;

    private record Held(long arrivalMs, ConversionAdjustment adjustment) {
    }

    public HeldAdjustments(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        earliestArrivalMs = expire(Long.MIN_VALUE, a -> { });
    }

    public void hold(Bytes conversion, ConversionAdjustment adjustment, long arrivalMs) {
        List<Held> held = read(store.get(conversion));
        held.add(new Held(arrivalMs, adjustment));
        store.put(conversion, write(held));
        earliestArrivalMs = Math.min(earliestArrivalMs, arrivalMs);
    }

    /** Hands over, in arrival order, the adjustments waiting for this conversion, and forgets them. */
    public void release(Bytes conversion, Consumer<ConversionAdjustment> apply) {
        byte[] value = store.get(conversion);
        if (value != null) {
            store.delete(conversion);
            read(value).forEach(h -> apply.accept(h.adjustment()));
        }
    }

    /** Hands over, and forgets, every adjustment that arrived at or before {@code arrivedByMs}. */
    public void releaseArrivedBy(long arrivedByMs, Consumer<ConversionAdjustment> reject) {
        if (arrivedByMs >= earliestArrivalMs) {
            earliestArrivalMs = expire(arrivedByMs, reject);
        }
    }

    /** Expires what arrived by {@code arrivedByMs}; returns the earliest arrival still waiting. */
    private long expire(long arrivedByMs, Consumer<ConversionAdjustment> reject) {
        List<KeyValue<Bytes, List<Held>>> lists = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> lists.add(KeyValue.pair(kv.key, read(kv.value))));
        }
        long earliest = Long.MAX_VALUE;
        for (KeyValue<Bytes, List<Held>> list : lists) {
            List<Held> waiting = new ArrayList<>();
            for (Held held : list.value) {
                if (held.arrivalMs() <= arrivedByMs) {
                    reject.accept(held.adjustment());
                } else {
                    waiting.add(held);
                    earliest = Math.min(earliest, held.arrivalMs());
                }
            }
            if (waiting.size() != list.value.size()) {
                if (waiting.isEmpty()) {
                    store.delete(list.key);
                } else {
                    store.put(list.key, write(waiting));
                }
            }
        }
        return earliest;
    }

    private List<Held> read(byte[] value) {
        List<Held> held = new ArrayList<>();
        if (value != null) {
            ByteBuffer in = ByteBuffer.wrap(value);
            while (in.hasRemaining()) {
                long arrival = in.getLong();
                byte[] record = new byte[in.getInt()];
                in.get(record);
                held.add(new Held(arrival, codec.decode(record)));
            }
        }
        return held;
    }

    private byte[] write(List<Held> held) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Held h : held) {
            byte[] record = codec.encode(h.adjustment());
            out.writeBytes(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(h.arrivalMs()).putInt(record.length)
                    .array());
            out.writeBytes(record);
        }
        return out.toByteArray();
    }
}
