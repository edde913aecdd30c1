package org.promoattribution.admin;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.load.ClientSettings;

/**
 * Writes an import's definitions to their compacted topic, each keyed by its id, in one Kafka
 * transaction: the pipeline reads committed records only (exactly-once), so it sees all of an
 * import or none.
 */
public final class ImportWriter {
    private ImportWriter() {
    }

    public static <T> void writeAll(AttributionConfig config, String topic, Serializer<T> serializer,
                                    Function<T, String> key, List<T> values) {
        Properties props = ClientSettings.producer(config);
        // A fresh id per import: imports never fence each other, and an aborted one leaves nothing.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "promo-attribution-import-" + topic + "-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (T value : values) {
                    producer.send(new ProducerRecord<>(topic, key.apply(value), serializer.serialize(topic, value)));
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                producer.abortTransaction();
                throw e;
            }
        }
    }
}
