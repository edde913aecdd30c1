package org.promoattribution.app;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

/**
 * Kafka Streams' own clients, with the main consumer (the one reading the input and repartition
 * topics) reporting input deleted before it was read ({@link LossReportingConsumer}). With
 * {@code group.protocol=streams} Kafka Streams builds its main consumer itself, without asking a
 * supplier, and such losses are only in Kafka's INFO log.
 */
final class StreamsClients implements KafkaClientSupplier {
    private final KafkaClientSupplier kafka = new DefaultKafkaClientSupplier();
    private final LostInput lostInput;

    StreamsClients(LostInput lostInput) {
        this.lostInput = lostInput;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return kafka.getAdmin(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return kafka.getProducer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        // Kafka Streams sets "none" only when a source topic has a reset policy of its own; else the
        // consumer resets out-of-range positions itself, at INFO, and no exception shows the loss.
        // With "none" Kafka Streams catches the exception and resets by the configured policy.
        Map<String, Object> reporting = new HashMap<>(config);
        reporting.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return LossReportingConsumer.around(kafka.getConsumer(reporting), lostInput, Clock.systemUTC());
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return kafka.getRestoreConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return kafka.getGlobalConsumer(config);
    }
}
