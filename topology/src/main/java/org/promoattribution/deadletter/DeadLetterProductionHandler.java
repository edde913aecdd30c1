package org.promoattribution.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output that cannot be serialized or written (too large, refused by the broker) sends its
 * source record to the dead-letter topic as {@code PROCESSING_ERROR} and processing goes on,
 * instead of failing the task on that record forever. Transient send errors are retried.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private ProcessingErrorDeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = ProcessingErrorDeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (deadLetters.topic().equals(record.topic())) {
            // A dead letter that cannot be written has nowhere else to go; it was cut to fit, so
            // this is the broker refusing the topic. Counted and logged with its source.
            deadLetters.count(context.topic());
            log.error("dead letter of {}-{}@{} could not be written to {}; it is lost", context.topic(),
                    context.partition(), context.offset(), record.topic(), exception);
            return Response.resume();
        }
        log.error("writing to {} failed for the record from {}-{}@{}; it goes to {}", record.topic(),
                context.topic(), context.partition(), context.offset(), deadLetters.topic(), exception);
        return Response.resume(List.of(deadLetters.of(context, exception, record.key(), record.value())));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (ProcessingErrorDeadLetters.isRegistryFailure(exception)) {
            log.warn("schema registry failure serializing for {}; the task will retry: {}", record.topic(),
                    ProcessingErrorDeadLetters.describe(exception));
            return Response.fail();
        }
        log.error("serializing the {} for {} failed for the record from {}-{}@{}; it goes to {}", origin,
                record.topic(), context.topic(), context.partition(), context.offset(), deadLetters.topic(), exception);
        return Response.resume(List.of(deadLetters.of(context, exception,
                ProcessingErrorDeadLetters.utf8(record.key()), null)));
    }
}
