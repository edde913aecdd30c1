package org.promoattribution.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.streams.AttributionSerdes;

/** What A and B have in common: one output record per conversion delivered, the conversion's value in it. */
final class ConversionOutputs {
    private ConversionOutputs() {
    }

    /** Duplicates are forwarded too: neither contender deduplicates. */
    static long expected(TrafficTotals totals) {
        return totals.conversions() + totals.duplicateConversions();
    }

    static String conversionId(ConsumerRecord<byte[], byte[]> output, AttributionSerdes serdes) {
        return serdes.conversion().deserializer().deserialize(output.topic(), output.value()).getConversionId();
    }
}
