package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterFit;
import org.promoattribution.deadletter.DeadLetterHeaders;
import java.time.Instant;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.deadletter.DeadLetterReason;
import org.promoattribution.validation.InvalidRecordException;

/** Decodes and checks each input record; a failure carries dead-letter headers downstream. */
final class DecodeProcessor<T extends SpecificRecord> implements FixedKeyProcessor<byte[], byte[], Decoded> {
    private final RecordDecoder<T> decoder;
    private final Function<T, String> routingKey;
    private final AttributionMetrics metrics;
    private final boolean requireKey;
    private FixedKeyProcessorContext<byte[], Decoded> context;
    private DeadLetterFit deadLetterFit;

    /**
     * @param requireKey whether a record without a key is bad input (promo codes: a definition
     *                   without a key can be neither replaced nor deleted)
     */
    DecodeProcessor(RecordDecoder<T> decoder, Function<T, String> routingKey, AttributionMetrics metrics,
                    boolean requireKey) {
        this.decoder = decoder;
        this.routingKey = routingKey;
        this.metrics = metrics;
        this.requireKey = requireKey;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Decoded> context) {
        this.context = context;
        this.deadLetterFit = DeadLetterFit.from(context.appConfigs());
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        try {
            if (requireKey && record.key() == null) {
                throw new InvalidRecordException(DeadLetterReason.MISSING_KEY, "record has no key");
            }
            T value = decoder.decode(topic, record.value(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withValue(new Decoded(record.value(), value, routingKey.apply(value), null)));
        } catch (InvalidRecordException e) {
            metrics.deadLetter(topic, e.reason());
            Headers headers = DeadLetterHeaders.of(record.headers(), e, context.recordMetadata());
            byte[] deadLetter = deadLetterFit.fit(record.key(), record.value(), headers);
            context.forward(record.withValue(new Decoded(deadLetter, null, null, e)).withHeaders(headers));
        }
    }
}
