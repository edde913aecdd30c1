package org.promoattribution.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.regex;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.promoattribution.streams.RecordCheck;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.RecordDecoder;
import org.promoattribution.validation.CodeDefinitions;

class DefinitionCatalogTest {
    private static final String TOPIC = "promo-codes";
    private final AttributionSerdes serdes = AttributionSerdes.over(new InMemorySchemaRegistryClient(),
            SerdeOptions.DEFAULT);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final TopicPartition p0 = new TopicPartition(TOPIC, 0);
    private final TopicPartition p1 = new TopicPartition(TOPIC, 1);

    @Test
    void holdsTheLatestValidDefinitionOfEachCodeAsThePipelineDoes() {
        PromoCode first = exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER);
        PromoCode updated = exact("pc-1", "SUMMER15", "blog", CreditPolicy.IF_WINNER);
        PromoCode invalidUpdate = regex("pc-3", "(unclosed", "news", CreditPolicy.ALWAYS);
        List<ConsumerRecord<byte[], byte[]>> records = List.of(
                record(p0, 0, "pc-1", first),
                record(p1, 0, "pc-2", exact("pc-2", "GONE", "news", CreditPolicy.ALWAYS)),
                record(p0, 1, "pc-1", updated),
                new ConsumerRecord<>(TOPIC, 1, 1, "pc-2".getBytes(StandardCharsets.UTF_8), null), // tombstone
                record(p1, 2, "pc-3", exact("pc-3", "NEWS5", "news", CreditPolicy.ALWAYS)),
                record(p1, 3, "pc-3", invalidUpdate));
        consumer.updatePartitions(TOPIC, List.of(partition(0), partition(1)));
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
        consumer.updateEndOffsets(Map.of(p0, 2L, p1, 4L));
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));

        DefinitionCatalog.Snapshot<PromoCode> snapshot = DefinitionCatalog.read(consumer, TOPIC,
                new RecordDecoder<>(serdes.promoCode().deserializer(), RecordCheck.none()), CodeDefinitions::from,
                Comparator.comparing(PromoCode::getPromoCodeId), Duration.ofSeconds(5));

        assertThat(snapshot.definitions()).extracting(PromoCode::getPromoCodeId, PromoCode::getCode)
                .containsExactly(tuple("pc-1", "SUMMER15"),
                        tuple("pc-3", "NEWS5"));
        assertThat(snapshot.rejected()).extracting(DefinitionCatalog.Rejected::id).containsExactly("pc-3");
        assertThat(snapshot.rejected().get(0).reason()).startsWith("INVALID_PATTERN: ");
    }

    private ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, String key, PromoCode code) {
        return new ConsumerRecord<>(TOPIC, partition.partition(), offset, key.getBytes(StandardCharsets.UTF_8),
                serdes.promoCode().serializer().serialize(TOPIC, code));
    }

    private static PartitionInfo partition(int number) {
        return new PartitionInfo(TOPIC, number, Node.noNode(), new Node[0], new Node[0]);
    }
}
