package org.promoattribution.deadletter;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any exception while processing one record (the rule, a store write, a bug) sends that record
 * to the dead-letter topic as {@code PROCESSING_ERROR}, in the same transaction as the input's
 * offset, and the partition goes on: no record can stop it. A registry failure is not the
 * record's fault: the task fails and is retried.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private ProcessingErrorDeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = ProcessingErrorDeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (ProcessingErrorDeadLetters.isRegistryFailure(exception)) {
            log.warn("schema registry failure in {} of task {}; the task will retry: {}", context.processorNodeId(),
                    context.taskId(), ProcessingErrorDeadLetters.describe(exception));
            return Response.fail();
        }
        log.error("processing failed in {} of task {} at {}-{}@{}; the record goes to {}", context.processorNodeId(),
                context.taskId(), context.topic(), context.partition(), context.offset(), deadLetters.topic(),
                exception);
        return Response.resume(List.of(deadLetters.of(context, exception,
                record == null ? null : ProcessingErrorDeadLetters.utf8(record.key()), null)));
    }
}
