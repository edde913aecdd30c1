package org.promoattribution.app;

import java.time.Clock;
import java.time.Duration;
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
 * topics) reporting input deleted before it was read ({@link LossReportingConsumer}) and telling
 * no stale lag ({@link FreshLagConsumer}, and every poll handing over all that was fetched), so
 * that a task takes the records already on the broker in order across its clicks and conversions
 * while it catches up too (SPEC rule 1). With {@code group.protocol=streams} Kafka Streams builds
 * its main consumer itself, without asking a supplier: none of this applies.
 */
final class StreamsClients implements KafkaClientSupplier {
    /** The consumer's default. */
    private static final Duration FETCH_MAX_WAIT = Duration.ofMillis(500);

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
        Map<String, Object> main = new HashMap<>(config);
        main.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // A consumer holding fetched records of a partition back from a poll leaves that partition
        // out of its next fetches, so its known end goes stale while other partitions' newer records
        // come in: once processed it looks caught up, and orders overtook clicks already on the
        // broker (faults.RuleOneAcrossCrashesIT). Every poll hands over all that was fetched (at
        // most a fetch: fetch.max.bytes), and Kafka Streams' buffers pause what is too much.
        main.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.MAX_VALUE);
        Object fetchMaxWait = config.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
        return FreshLagConsumer.around(
                LossReportingConsumer.around(kafka.getConsumer(main), lostInput, Clock.systemUTC()),
                fetchMaxWait == null ? FETCH_MAX_WAIT : Duration.ofMillis(Long.parseLong(fetchMaxWait.toString())));
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
