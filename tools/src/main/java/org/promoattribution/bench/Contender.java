package org.promoattribution.bench;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.streams.AttributionSerdes;

/** One of the things measured on the same records: raw clients, a Streams passthrough, the attribution topology. */
interface Contender {

    /** "A", "B", "C" or "D". */
    String label();

    /** A name for tables, JSON keys and topic names. */
    String name();

    /** Pipeline settings of its own, over those of the bench. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** The topics the run writes to, created before it starts; outputs are read from {@link #outputTopics}. */
    List<String> topicsToCreate(RunSpec run);

    /** By default, as the baselines do: one record per conversion, on the run's output topic. */
    default List<String> outputTopics(RunSpec run) {
        return List.of(run.outputTopic());
    }

    /** Output records to wait for when every input record has been processed. */
    default long expectedOutputs(TrafficTotals totals) {
        return ConversionOutputs.expected(totals);
    }

    /** The conversion an output record stands for, to match it with the time the conversion was sent; null for none. */
    default String conversionId(ConsumerRecord<byte[], byte[]> output, AttributionSerdes serdes) {
        return ConversionOutputs.conversionId(output, serdes);
    }

    /** Clicks kept in state by the last run, for the bytes per stored click; 0 when it keeps none. */
    default long storedClicks(TrafficTotals totals) {
        return 0;
    }

    /** Decisions remembered in state by the last run (the decision ledger), for the bytes per decision; 0 when none. */
    default long rememberedDecisions(TrafficTotals totals) {
        return 0;
    }

    /** Starts reading the run's inputs from their beginning. */
    Running start(RunSpec run, AttributionSerdes serdes) throws Exception;

    /** A started contender. */
    interface Running extends AutoCloseable {
        /** Waits until it has its partitions and processes; returns System.nanoTime() of that moment. */
        long awaitReady() throws InterruptedException;

        /**
         * For a contender whose outputs do not show that every input was read (raw clients write
         * nothing per click): waits until it has read and committed all of them, and returns
         * System.nanoTime() of that moment; 0 when the outputs tell.
         */
        default long awaitInputsRead() throws InterruptedException {
            return 0;
        }

        /** CPU nanoseconds its processing threads (Kafka Streams' stream threads) have used so far. */
        long cpuNanos();

        @Override
        void close();
    }
}
