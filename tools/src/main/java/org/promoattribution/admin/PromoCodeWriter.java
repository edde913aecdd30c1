package org.promoattribution.admin;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.load.ClientSettings;
import org.promoattribution.schemas.PromoCode;

/**
 * Writes definitions to the promo-codes topic, keyed by promoCodeId, in one Kafka transaction:
 * the pipeline reads committed records only (exactly-once), so it sees all of an import or none.
 */
public final class PromoCodeWriter {
    private PromoCodeWriter() {
    }

    public static void writeAll(AttributionConfig config, Serializer<PromoCode> serializer, List<PromoCode> codes) {
        Properties props = ClientSettings.producer(config);
        // A fresh id per import: imports never fence each other, and an aborted one leaves nothing.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "promo-attribution-codes-import-" + UUID.randomUUID());
        String topic = config.topics().promoCodes();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (PromoCode code : codes) {
                    producer.send(new ProducerRecord<>(topic, code.getPromoCodeId(), serializer.serialize(topic, code)));
                }
                producer.commitTransaction();
            } catch (KafkaException e) {
                producer.abortTransaction();
                throw e;
            }
        }
    }
}
