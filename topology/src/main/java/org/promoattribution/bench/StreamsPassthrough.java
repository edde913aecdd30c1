package org.promoattribution.bench;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.promoattribution.config.Topics;
import org.promoattribution.streams.AttributionSerdes;

/**
 * B: Kafka Streams doing no work of its own: every click and conversion decoded with the
 * registry deserializer and encoded again, conversions to the output topic, clicks to one beside
 * it. What any Streams application with these serdes and this guarantee costs.
 */
final class StreamsPassthrough implements Contender {

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
        return run.outputTopic() + "-clicks";
    }
}
