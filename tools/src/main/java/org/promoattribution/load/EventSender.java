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
 * their adjustments) and the code admin would: the event's key, the value in the registry wire format, a session's
 * order after its clicks are acknowledged. Counts what the broker acknowledged and what it refused.
 */
public final class EventSender implements AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final AttributionSerdes serdes;
    private final Topics topics;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final ClicksFirst clicksFirst = new ClicksFirst();

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
     * An order whose session has a click not yet acknowledged is sent once it is (SPEC "Order").
     */
    public void send(SimEvent event) {
        clicksFirst.release(this::sendNow);
        if (!clicksFirst.hold(event)) {
            sendNow(event);
        }
    }

    private void sendNow(SimEvent event) {
        String topic = event.topic(topics);
        Runnable answered = event.kind() == SimEvent.Kind.CLICK ? clicksFirst.clickSent(event) : () -> { };
        try {
            producer.send(new ProducerRecord<>(topic, null, event.recordTimestamp(), event.key(),
                            event.serialize(serdes, topic)),
                    (metadata, error) -> {
                        if (error == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, error);
                        }
                        answered.run();
                    });
        } catch (RuntimeException e) {
            answered.run(); // never sent: nothing of its session may wait for it
            throw e;
        }
    }

    /** Sends what waits for its session's clicks, and waits until every record is acknowledged or failed. */
    public void flush() {
        producer.flush();
        while (clicksFirst.holdsAny()) {
            clicksFirst.release(this::sendNow);
            producer.flush();
        }
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
