package org.promoattribution.bench;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.promoattribution.config.Topics;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.streams.AttributionSerdes;

/**
 * B: Kafka Streams doing no work of its own: every click and conversion decoded with the
 * registry deserializer and encoded again, conversions to the output topic, clicks to one beside
 * it. What any Streams application with these serdes and this guarantee costs.
 */
final class StreamsPassthrough implements Contender {
    private static final String CLICKS_SUFFIX = "-clicks";

    @Override
    public String label() {
        return "B";
    }

    @Override
    public String name() {
        return "streams_passthrough";
    }

    @Override
    public List<String> topicsToCreate(RunSpec run) {
        return List.of(run.outputTopic(), clicksOut(run));
    }

    /**
     * Clicks and conversions are separate tasks here, and the conversions (a tenth of the
     * records) are read long before the clicks: only both outputs show that all was processed.
     */
    @Override
    public List<String> outputTopics(RunSpec run) {
        return List.of(run.outputTopic(), clicksOut(run));
    }

    /** Every record read is written again, duplicates included. */
    @Override
    public long expectedOutputs(TrafficTotals totals) {
        return totals.events();
    }

    @Override
    public String conversionId(ConsumerRecord<byte[], byte[]> output, AttributionSerdes serdes) {
        return output.topic().endsWith(CLICKS_SUFFIX) ? null : ConversionOutputs.conversionId(output, serdes);
    }

    @Override
    public Running start(RunSpec run, AttributionSerdes serdes) {
        Topics topics = run.config().topics();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.clicks(), Consumed.with(Serdes.String(), serdes.click()))
                .to(clicksOut(run), Produced.with(Serdes.String(), serdes.click()));
        builder.stream(topics.conversions(), Consumed.with(Serdes.String(), serdes.conversion()))
                .to(run.outputTopic(), Produced.with(Serdes.String(), serdes.conversion()));
        return new StreamsRunning(builder.build(), run.config().streams());
    }

    private static String clicksOut(RunSpec run) {
        return run.outputTopic() + CLICKS_SUFFIX;
    }
}
