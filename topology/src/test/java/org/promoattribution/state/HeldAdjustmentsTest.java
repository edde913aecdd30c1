package org.promoattribution.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.reversal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.ConversionAdjustment;

/** SPEC A5's waiting adjustments: released with their decision, or rejected once due, in the order they came. */
class HeldAdjustmentsTest {
    private static final Bytes O1 = SeenIds.key("acme", "o1");
    private static final Bytes O9 = SeenIds.key("acme", "o9");
    private final KeyValueStore<Bytes, byte[]> store = Stores.inMemoryKeyValueStore(StoreNames.HELD_ADJUSTMENTS).get();

    private static List<String> ids(List<ConversionAdjustment> adjustments) {
        return adjustments.stream().map(ConversionAdjustment::getAdjustmentId).toList();
    }

    @Test
    void dueAdjustmentsAreRejectedByArrivalTimeThenArrivalOrderAcrossConversions() {
        HeldAdjustments held = new HeldAdjustments(store);
        held.hold(O9, reversal("a", "o9", "2026-06-10T09:00:00Z"), 1_000);
        held.hold(O1, reversal("b", "o1", "2026-06-10T09:00:00Z"), 1_000);
        held.hold(O9, reversal("c", "o9", "2026-06-10T09:00:00Z"), 2_000);
        held.hold(O1, reversal("d", "o1", "2026-06-10T09:00:00Z"), 1_500);

        List<ConversionAdjustment> rejected = new ArrayList<>();
        held.releaseArrivedBy(1_500, rejected::add);
        assertThat(ids(rejected)).containsExactly("a", "b", "d");
        held.releaseArrivedBy(1_999, rejected::add);
        assertThat(ids(rejected)).as("c is not due yet").hasSize(3);
        held.releaseArrivedBy(2_000, rejected::add);
        assertThat(ids(rejected)).containsExactly("a", "b", "d", "c");
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void aRestartedInstanceGoesOnWithTheArrivalOrderItRestored() {
        HeldAdjustments before = new HeldAdjustments(store);
        before.hold(O9, reversal("a", "o9", "2026-06-10T09:00:00Z"), 1_000);
        before.hold(O1, reversal("b", "o1", "2026-06-10T09:00:00Z"), 1_000);
        HeldAdjustments after = new HeldAdjustments(store);
        after.hold(O1, reversal("c", "o1", "2026-06-10T09:00:00Z"), 1_000);
        after.hold(O9, reversal("d", "o9", "2026-06-10T09:00:00Z"), 1_000);

        List<ConversionAdjustment> rejected = new ArrayList<>();
        after.releaseArrivedBy(1_000, rejected::add);
        assertThat(ids(rejected)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void entriesWrittenBeforeTheArrivalOrderAreStillReleasedAndRejected() {
        InternalAvro<ConversionAdjustment> codec = new InternalAvro<>(ConversionAdjustment.class);
        byte[] record = codec.encode(reversal("old", "o1", "2026-06-10T09:00:00Z"));
        // the earlier layout: arrival time, length, record
        store.put(O1, ByteBuffer.allocate(Long.BYTES + Integer.BYTES + record.length).putLong(1_000)
                .putInt(record.length).put(record).array());
        HeldAdjustments held = new HeldAdjustments(store);
        held.hold(O1, reversal("new", "o1", "2026-06-10T09:00:00Z"), 3_000);

        List<ConversionAdjustment> rejected = new ArrayList<>();
        held.releaseArrivedBy(1_000, rejected::add);
        assertThat(ids(rejected)).containsExactly("old");
        List<ConversionAdjustment> released = new ArrayList<>();
        held.release(O1, released::add);
        assertThat(ids(released)).containsExactly("new");
    }
}
