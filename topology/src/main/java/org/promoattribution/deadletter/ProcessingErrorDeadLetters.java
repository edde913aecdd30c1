package org.promoattribution.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryException;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * The dead letter of a record whose processing or production failed (SPEC "Limits":
 * {@code PROCESSING_ERROR}): the source record's bytes as received, its headers, and ours with
 * the error. Shared by the processing and production exception handlers, which Kafka Streams
 * creates and configures from the application's settings.
 */
public final class ProcessingErrorDeadLetters {
    /** Not a Kafka setting: carries the instance's {@link AttributionMetrics} to the handlers Kafka Streams creates. */
    public static final String METRICS_CONFIG = "promo-attribution.internal.metrics";

    private final String topic;
    private final DeadLetterFit fit;
    private final AttributionMetrics metrics;

    private ProcessingErrorDeadLetters(String topic, DeadLetterFit fit, AttributionMetrics metrics) {
        this.topic = topic;
        this.fit = fit;
        this.metrics = metrics;
    }

    public static ProcessingErrorDeadLetters from(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null) {
            throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " is not set");
        }
        Object metrics = configs.get(METRICS_CONFIG);
        return new ProcessingErrorDeadLetters(topic.toString(), DeadLetterFit.from(configs),
                metrics instanceof AttributionMetrics m ? m : null);
    }

    /**
     * Adds the handlers to Kafka Streams settings, unless configured otherwise, with what they
     * need: the dead-letter topic (Kafka's own setting for it) and where to count.
     */
    public static void addTo(Properties streams, String deadLetterTopic, AttributionMetrics metrics) {
        streams.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingHandler.class.getName());
        streams.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionHandler.class.getName());
        streams.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        streams.put(METRICS_CONFIG, metrics);
    }

    public String topic() {
        return topic;
    }

    /**
     * The dead letter for a failure while handling the source record in {@code context}; a
     * failure without one (a punctuation) writes {@code fallbackKey} and {@code fallbackValue}.
     */
    public ProducerRecord<byte[], byte[]> of(ErrorHandlerContext context, Exception error, byte[] fallbackKey,
                                      byte[] fallbackValue) {
        boolean fromSource = context.sourceRawValue() != null || context.sourceRawKey() != null;
        byte[] key = fromSource ? context.sourceRawKey() : fallbackKey;
        byte[] value = fromSource ? context.sourceRawValue() : fallbackValue;
        Headers headers = DeadLetterHeaders.of(context.headers(), DeadLetterReason.PROCESSING_ERROR,
                describe(error), context.topic(), context.partition(), context.offset());
        count(context.topic());
        return new ProducerRecord<>(topic, null, null, key, fit.fit(key, value, headers), headers);
    }

    public void count(String sourceTopic) {
        if (metrics != null) {
            metrics.deadLetter(sourceTopic == null ? "" : sourceTopic, DeadLetterReason.PROCESSING_ERROR);
        }
    }

    /** A registry that cannot be reached or refuses us is no fault of the record: retry it, don't dead-letter it. */
    public static boolean isRegistryFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException && !(t instanceof org.promoattribution.schemas.registry.UnknownSchemaIdException)) {
                return true;
            }
        }
        return false;
    }

    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.getClass().getName()).append(": ").append(error.getMessage());
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    public static byte[] utf8(Object value) {
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
