package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.conversion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.state.SeenIds;
import org.promoattribution.state.StoreNames;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.testing.Fixtures;

/**
 * SPEC rule 7 for conversions, as the seen-conversion-ids store keeps it: a re-delivery within
 * dedup.retention (processing time) is dropped, an id is new again past it, the sweep deletes the
 * ids past it, and the ids the previous layout kept in seen-conversions still count after an upgrade.
 */
class SeenConversionIdsTopologyTest {
    private static final String ORDER_TIME = "2026-06-01T10:05:00Z";
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private List<Bytes> storedIds() {
        KeyValueStore<Bytes, byte[]> store = pipeline.driver().getKeyValueStore(StoreNames.SEEN_CONVERSION_IDS);
        List<Bytes> keys = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    private static Bytes id(String conversionId) {
        return SeenIds.key(Fixtures.PROGRAM, conversionId);
    }

    private List<String> decidedIds() {
        return pipeline.decisions().stream().map(AttributionDecision::getConversionId).toList();
    }

    @Nested
    class WithinTheRetention {
        @Test
        void aReDeliveryIsCountedAsADuplicateAndNotDecidedAgain() {
            Conversion order = conversion("o1", "s1", ORDER_TIME);
            pipeline.conversions(order);
            pipeline.advanceWallClock(Duration.ofDays(29));
            pipeline.conversions(order);
            assertThat(decidedIds()).containsExactly("o1");
            assertThat(pipeline.counter("attribution.conversions.duplicate")).isEqualTo(1.0);
            assertThat(pipeline.counter("attribution.conversions.resent.other.session")).isZero();
        }

        @Test
        void theSameOrderUnderAnotherSessionIsADuplicateResentUnderAnotherSession() {
            pipeline.conversions(conversion("o1", "s1", ORDER_TIME));
            pipeline.advanceWallClock(Duration.ofDays(1));
            pipeline.conversions(conversion("o1", "s2", ORDER_TIME));
            assertThat(decidedIds()).containsExactly("o1");
            assertThat(pipeline.counter("attribution.conversions.resent.other.session")).isEqualTo(1.0);
        }
    }

    @Nested
    class PastTheRetention {
        @Test
        void anIdIsDecidedAgainEvenBeforeTheSweepDeletesIt() {
            // The decision ledger remembers decided orders for adjustment.retention: past both, an order is new.
            pipeline = pipeline.replacedBy("dedup.retention", "P1D", "adjustment.retention", "P1D",
                    "state.sweep.interval", "P365D");
            Conversion order = conversion("o1", "s1", ORDER_TIME);
            pipeline.conversions(order);
            pipeline.advanceWallClock(Duration.ofDays(1).plusMillis(1));
            assertThat(storedIds()).containsExactly(id("o1"));
            pipeline.conversions(order);
            assertThat(decidedIds()).containsExactly("o1", "o1");
            assertThat(pipeline.counter("attribution.conversions.duplicate")).isZero();
        }

        @Test
        void theSweepDeletesTheIdsPastTheRetentionAndKeepsTheOthers() {
            pipeline = pipeline.replacedBy("dedup.retention", "P1D");
            pipeline.conversions(conversion("o1", "s1", ORDER_TIME));
            pipeline.advanceWallClock(Duration.ofHours(12));
            pipeline.conversions(conversion("o2", "s2", ORDER_TIME));
            pipeline.advanceWallClock(Duration.ofHours(13));
            assertThat(storedIds()).containsExactly(id("o2"));
        }

        @Test
        void aSweepVisitsTwiceAsManyIdsAsWereRecordedSinceTheLastOne_soItKeepsUpWithThem() {
            pipeline = pipeline.replacedBy("dedup.retention", "P1D", "state.sweep.batch", "1");
            pipeline.conversions(conversion("o1", "s1", ORDER_TIME), conversion("o2", "s2", ORDER_TIME),
                    conversion("o3", "s3", ORDER_TIME));
            pipeline.advanceWallClock(Duration.ofDays(2));
            assertThat(storedIds()).isEmpty();
        }
    }

    /** README "Upgrading": the previous layout kept conversion ids in the window store seen-conversions. */
    @Nested
    class AfterAnUpgrade {
        @BeforeEach
        void keepStateOverARestart() {
            pipeline.close();
            pipeline = AttributionDriver.restartable();
        }

        private void previousLayoutSaw(Conversion conversion, Instant when) {
            WindowStore<Bytes, byte[]> store = pipeline.driver().getWindowStore(StoreNames.SEEN_CONVERSIONS);
            store.put(SeenIds.key(conversion.getProgramId(), conversion.getConversionId()),
                    RoutingKey.of(conversion).getBytes(StandardCharsets.UTF_8), when.toEpochMilli());
        }

        private long previousIds() {
            WindowStore<Bytes, byte[]> store = pipeline.driver().getWindowStore(StoreNames.SEEN_CONVERSIONS);
            long n = 0;
            try (var it = store.all()) {
                for (; it.hasNext(); it.next()) {
                    n++;
                }
            }
            return n;
        }

        @Test
        void anIdThePreviousLayoutSawWithinTheRetentionIsStillADuplicate() {
            Conversion order = conversion("o1", "s1", ORDER_TIME);
            previousLayoutSaw(order, pipeline.now().minus(Duration.ofDays(29)));
            pipeline = pipeline.restarted();
            pipeline.conversions(order, conversion("o1", "s2", ORDER_TIME));
            assertThat(pipeline.decisions()).isEmpty();
            assertThat(pipeline.counter("attribution.conversions.duplicate")).isEqualTo(2.0);
            assertThat(pipeline.counter("attribution.conversions.resent.other.session")).isEqualTo(1.0);
        }

        @Test
        void anIdThePreviousLayoutSawLongerThanTheRetentionAgoIsDecided() {
            Conversion order = conversion("o1", "s1", ORDER_TIME);
            previousLayoutSaw(conversion("o0", "s0", ORDER_TIME), pipeline.now().minus(Duration.ofDays(1)));
            previousLayoutSaw(order, pipeline.now().minus(Duration.ofDays(31)));
            pipeline = pipeline.restarted();
            pipeline.conversions(order);
            assertThat(decidedIds()).containsExactly("o1");
        }

        @Test
        void thePreviousStoreLetsItsIdsGoOnceTheNewestIsPastTheRetention() {
            previousLayoutSaw(conversion("o1", "s1", ORDER_TIME), pipeline.now().minus(Duration.ofDays(29)));
            pipeline = pipeline.restarted();
            pipeline.advanceWallClock(Duration.ofDays(20));
            assertThat(previousIds()).isZero();
        }

        @Test
        void aPreviousStoreWhoseIdsAreAllPastTheRetentionAtStartLetsThemGoThen() {
            // 50 days: past the retention by more than a segment (half the retention), which goes whole
            previousLayoutSaw(conversion("o1", "s1", ORDER_TIME), pipeline.now().minus(Duration.ofDays(50)));
            pipeline = pipeline.restarted();
            assertThat(previousIds()).isZero();
        }

        @Test
        void aFreshInstallDoesNotReadThePreviousStore() {
            Conversion order = conversion("o1", "s1", ORDER_TIME);
            // After the processor started on an empty store: only one that still read it would find the id.
            previousLayoutSaw(order, pipeline.now());
            pipeline.conversions(order);
            assertThat(decidedIds()).containsExactly("o1");
        }
    }
}
