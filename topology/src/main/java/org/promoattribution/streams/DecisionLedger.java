package org.promoattribution.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.AttributionDecision;

/**
 * The last step before a decision is written, on the partition of its conversionId: SPEC rule 7
 * names an order by program and id, whatever its session, and an order system that re-sends an
 * order under another session has it decided on that session's partition too. Only the first
 * decision of a (programId, conversionId) within {@code dedup.retention} of processing time
 * passes; a later one is dropped and counted. Re-deliveries under the same session never get
 * here: the attribution processor drops them before deciding.
 */
final class DecisionLedger implements Processor<String, AttributionDecision, String, AttributionDecision> {
    private final AttributionConfig config;
    private final AttributionMetrics metrics;
    private ProcessorContext<String, AttributionDecision> context;
    private SeenIds decided;

    DecisionLedger(AttributionConfig config, AttributionMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, AttributionDecision> context) {
        this.context = context;
        WindowStore<Bytes, byte[]> store = context.getStateStore(StoreNames.DECIDED_CONVERSIONS);
        decided = new SeenIds(store, config.dedupRetention().toMillis());
    }

    @Override
    public void process(Record<String, AttributionDecision> record) {
        AttributionDecision decision = record.value();
        String session = decision.getSessionId() == null ? "" : decision.getSessionId();
        byte[] earlier = decided.earlierSighting(decision.getProgramId(), decision.getConversionId(),
                session.getBytes(StandardCharsets.UTF_8), context.currentSystemTimeMs());
        if (earlier != null) {
            metrics.duplicateConversion(true);
            return;
        }
        context.forward(record);
    }
}
