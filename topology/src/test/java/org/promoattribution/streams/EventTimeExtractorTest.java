package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;

/** A task's clicks and conversions are ordered by the event time they carry; a record that carries none holds nothing back. */
class EventTimeExtractorTest {
    private static final long PARTITION_TIME = 1_000L;
    private static final long STAMPED_AHEAD = Instant.now().plus(Duration.ofMinutes(50)).toEpochMilli();
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AttributionSerdes serdes = AttributionSerdes.over(registry, SerdeOptions.DEFAULT);
    private final EventTimeExtractor extractor = new EventTimeExtractor(registry);

    private long extracted(byte[] value) {
        return extractor.extract(new ConsumerRecord<>("clicks", 0, 0, STAMPED_AHEAD, null, 0, 0, null, value,
                new RecordHeaders(), Optional.empty()),
                PARTITION_TIME);
    }

    @Test
    void aClickIsOrderedByItsEventTime_notByTheProducersStamp() {
        Click c = click("c1", "s1", "blog", "2026-06-01T10:00:00Z");
        assertThat(extracted(serdes.click().serializer().serialize("clicks", c)))
                .isEqualTo(Instant.parse("2026-06-01T10:00:00Z").toEpochMilli());
    }

    @Test
    void aConversionWithAndWithoutSessionIsOrderedByItsEventTime() {
        for (String session : new String[] {"s1", null}) {
            Conversion o = conversion("o1", session, "2026-06-01T10:05:00Z", "CODE");
            assertThat(extracted(serdes.conversion().serializer().serialize("conversions", o)))
                    .isEqualTo(Instant.parse("2026-06-01T10:05:00Z").toEpochMilli());
        }
    }

    @Test
    void junkStampedAheadTakesItsPartitionsTime() {
        assertThat(extracted(new byte[] {1, 2, 3})).isEqualTo(PARTITION_TIME);
        assertThat(extracted(new byte[] {0, 0, 0, 0, 99, 1})).isEqualTo(PARTITION_TIME); // unknown schema id
        byte[] valid = serdes.click().serializer().serialize("clicks", click("c1", "s1", "blog", "2026-06-01T10:00:00Z"));
        assertThat(extracted(Arrays.copyOf(valid, 8))).isEqualTo(PARTITION_TIME); // cut short
        assertThat(extracted(null)).isEqualTo(PARTITION_TIME);
    }

    @Test
    void anEventTimeAheadOfTheWallClockCountsAsNow_oneBefore1970HasNoSay() {
        Click ahead = click("c1", "s1", "blog", "2026-06-01T10:00:00Z");
        ahead.setTimestamp(Instant.ofEpochMilli(Long.MAX_VALUE));
        long before = System.currentTimeMillis();
        assertThat(extracted(serdes.click().serializer().serialize("clicks", ahead)))
                .isBetween(before, System.currentTimeMillis());
        Click old = click("c2", "s1", "blog", "2026-06-01T10:00:00Z");
        old.setTimestamp(Instant.ofEpochMilli(-1));
        assertThat(extracted(serdes.click().serializer().serialize("clicks", old))).isEqualTo(PARTITION_TIME);
    }
}
