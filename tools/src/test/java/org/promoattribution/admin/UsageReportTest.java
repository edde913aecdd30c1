package org.promoattribution.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;

/** {@code codes report}: the latest figures per code and day on promo-code-usage, filtered, as a table. */
class UsageReportTest {
    private static final String TOPIC = "promo-code-usage";
    private final AttributionSerdes serdes = AttributionSerdes.over(new InMemorySchemaRegistryClient(),
            SerdeOptions.DEFAULT);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final TopicPartition p0 = new TopicPartition(TOPIC, 0);

    private static PromoCodeUsage usage(String promoCodeId, String programId, String day, long uses,
                                        long withoutOwnerClick, boolean leaking) {
        return new PromoCodeUsage(promoCodeId, programId, "blog", LocalDate.parse(day), uses, 0L, 0L,
                withoutOwnerClick, leaking);
    }

    private List<PromoCodeUsage> read(List<PromoCodeUsage> written) {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), new Node[0], new Node[0])));
        consumer.updateBeginningOffsets(Map.of(p0, 0L));
        consumer.updateEndOffsets(Map.of(p0, (long) written.size()));
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < written.size(); i++) {
                PromoCodeUsage u = written.get(i);
                consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, i,
                        (u.getPromoCodeId() + "|" + u.getDay()).getBytes(StandardCharsets.UTF_8),
                        serdes.usage().serializer().serialize(TOPIC, u)));
            }
        });
        return UsageReport.read(consumer, TOPIC, serdes.usage().deserializer(), Duration.ofSeconds(5));
    }

    @Test
    void theLatestFiguresPerCodeAndDayAreTheTruth() {
        List<PromoCodeUsage> figures = read(List.of(
                usage("pc-1", "acme", "2026-06-01", 1, 1, false),
                usage("pc-1", "acme", "2026-06-02", 1, 0, false),
                usage("pc-1", "acme", "2026-06-01", 2, 2, false)));
        assertThat(figures).extracting(PromoCodeUsage::getDay, PromoCodeUsage::getUses)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-06-01"), 2L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-06-02"), 1L));
    }

    @Test
    void filtersByProgramDayAndLeaking() {
        List<PromoCodeUsage> all = List.of(
                usage("pc-1", "acme", "2026-06-01", 20, 12, true),
                usage("pc-1", "acme", "2026-06-02", 3, 0, false),
                usage("pc-9", "other", "2026-06-01", 30, 30, true));
        assertThat(all.stream().filter(new UsageReport.Filter("acme", null, false)).toList()).hasSize(2);
        assertThat(all.stream().filter(new UsageReport.Filter(null, LocalDate.parse("2026-06-01"), false)).toList())
                .extracting(PromoCodeUsage::getPromoCodeId).containsExactly("pc-1", "pc-9");
        assertThat(all.stream().filter(new UsageReport.Filter("acme", null, true)).toList())
                .extracting(PromoCodeUsage::getDay).containsExactly(LocalDate.parse("2026-06-01"));
    }

    @Test
    void tableShowsOneRowPerCodeAndDayByProgramThenCodeThenDay() {
        String table = UsageReport.table(List.of(
                usage("pc-2", "acme", "2026-06-01", 3, 0, false),
                usage("pc-1", "acme", "2026-06-02", 20, 12, true),
                usage("pc-1", "acme", "2026-06-01", 1, 1, false)));
        assertThat(table.lines()).containsExactly(
                "PROGRAM  PROMO CODE ID  PARTNER  DAY         USES  CREDITED  INVALID  WITHOUT OWNER CLICK  LEAKING",
                "acme     pc-1           blog     2026-06-01  1     0         0        1",
                "acme     pc-1           blog     2026-06-02  20    0         0        12                   LEAKING",
                "acme     pc-2           blog     2026-06-01  3     0         0        0");
    }
}
