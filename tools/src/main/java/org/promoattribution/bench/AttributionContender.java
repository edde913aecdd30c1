package org.promoattribution.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.promoattribution.app.BoundedRocksDbMemory;
import org.promoattribution.config.Topics;
import org.promoattribution.config.UsageSettings;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.AttributionTopology;

/**
 * C: the attribution topology itself, one decision per distinct conversion and adjustment, with
 * the promo-code usage figures as it runs; D: the same without the figures, to show what they cost.
 */
final class AttributionContender implements Contender {
    private final boolean usageFigures;
    private AttributionMetrics metrics;

    private AttributionContender(boolean usageFigures) {
        this.usageFigures = usageFigures;
    }

    static AttributionContender withUsageFigures() {
        return new AttributionContender(true);
    }

    static AttributionContender withoutUsageFigures() {
        return new AttributionContender(false);
    }

    @Override
    public String label() {
        return usageFigures ? "C" : "D";
    }

    @Override
    public String name() {
        return usageFigures ? BenchResults.ATTRIBUTION : BenchResults.ATTRIBUTION_WITHOUT_USAGE;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(UsageSettings.FIGURES, Boolean.toString(usageFigures));
    }

    @Override
    public List<String> topicsToCreate(RunSpec run) {
        Topics topics = run.config().topics();
        return List.of(topics.credited(), topics.invalid(), topics.unattributed(), topics.adjusted(),
                topics.deadLetter(), topics.validatedPromoCodes(), topics.validatedCommissionTerms(), topics.usage());
    }

    @Override
    public List<String> outputTopics(RunSpec run) {
        Topics topics = run.config().topics();
        return List.of(topics.credited(), topics.invalid(), topics.unattributed(), topics.adjusted());
    }

    @Override
    public long expectedOutputs(TrafficTotals totals) {
        return totals.conversions() + totals.adjustments();
    }

    /** Decisions and adjustment decisions are keyed by conversionId. */
    @Override
    public String conversionId(ConsumerRecord<byte[], byte[]> output, AttributionSerdes serdes) {
        return new String(output.key(), StandardCharsets.UTF_8);
    }

    @Override
    public Running start(RunSpec run, AttributionSerdes serdes) {
        metrics = new AttributionMetrics(new SimpleMeterRegistry());
        // The settings `run` uses, RocksDB memory bound included.
        return new StreamsRunning(AttributionTopology.build(run.config(), serdes, metrics),
                BoundedRocksDbMemory.asDefault(AttributionTopology.settings(run.config(), metrics)));
    }

    /** One per distinct conversion, whatever its outcome. */
    @Override
    public long rememberedDecisions(TrafficTotals totals) {
        return totals.conversions();
    }

    /** Distinct clicks less those not stored because their partner holds an ALWAYS code (SPEC rule 3). */
    @Override
    public long storedClicks(TrafficTotals totals) {
        return totals.clicks() - (long) metrics.registry().counter("attribution.clicks.untracked").count();
    }
}
