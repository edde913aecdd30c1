package org.promoattribution.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.streams.AttributionSerdes;

/**
 * Writes events to the pipeline's input topics as the click tracker, the order system (orders and
 * their adjustments) and the code admin would: the event's key, the value in the registry wire format. Counts what the
 * broker acknowledged and what it refused.
 */
public final class EventSender implements AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final AttributionSerdes serdes;
    private final Topics topics;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    EventSender(Producer<String, byte[]> producer, AttributionSerdes serdes, Topics topics) {
        this.producer = producer;
        this.serdes = serdes;
        this.topics = topics;
    }

    public static EventSender connect(AttributionConfig config, AttributionSerdes serdes) {
        return new EventSender(new KafkaProducer<>(ClientSettings.producer(config), new StringSerializer(),
                new ByteArraySerializer()), serdes, config.topics());
    }

    /**
     * Sends asynchronously; a failure shows in {@link #failed()} once {@link #flush()} returns.
     * Clicks, conversions and adjustments carry their event time as the record timestamp ({@link SimEvent#recordTimestamp()}).
     */
    public void send(SimEvent event) {
        String topic = event.topic(topics);
        producer.send(new ProducerRecord<>(topic, null, event.recordTimestamp(), event.key(),
                        event.serialize(serdes, topic)),
                (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error);
                    }
                });
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public long failed() {
        return failed.get();
    }

    /** The first send that failed, or null. */
    public Exception firstFailure() {
        return firstFailure.get();
    }


    @Override
    public void close() {
        producer.close();
    }
}
