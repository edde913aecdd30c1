package org.promoattribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.load.EventSender;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.simulate.InputLines;
import org.promoattribution.simulate.RejectedEventException;
import org.promoattribution.streams.AttributionSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code produce TOPIC FILE}: JSON-lines events in, Avro records in the registry wire format out. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Send JSON-lines events to one of the pipeline's input topics, as Avro in the schema "
                + "registry wire format (idempotent producer, acks=all).",
                "Lines are simulate's events; \"type\" may be left out, the topic says it. A promo-code line "
                        + "{\"promoCodeId\":\"pc-1\",\"delete\":true} deletes the code (a tombstone).",
                "Lines that cannot be sent are reported on stderr with their number; the others are sent."})
final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "TOPIC", converter = InputTopic.Converter.class,
            completionCandidates = InputTopic.Labels.class,
            description = "clicks, conversions, promo-codes or conversion-adjustments (the topic configured "
                    + "under that name).")
    InputTopic topic;

    @Parameters(index = "1", paramLabel = "FILE", description = "Events, one JSON object a line; '-' reads standard input.")
    String input;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AttributionConfig config = cluster.config();
        InputStream in;
        try {
            in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
        } catch (IOException e) {
            err.println("cannot read " + input + ": " + e);
            return 1;
        }
        TopicLines lines = new TopicLines(new ObjectMapper(), topic);
        long rejected = 0;
        try (in;
             SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry());
             EventSender sender = EventSender.connect(config,
                     AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry())))) {
            InputLines inputLines = new InputLines(in);
            for (InputLines.Line line = inputLines.next(); line != null; line = inputLines.next()) {
                try {
                    if (!line.text().isBlank()) {
                        sender.send(lines.parse(line.text()));
                    }
                } catch (RejectedEventException e) {
                    rejected++;
                    err.println("line " + line.number() + ": " + e.getMessage());
                }
            }
            sender.flush();
            spec.commandLine().getOut().printf("sent %d records to %s, rejected %d lines%n", sender.acknowledged(),
                    topic.in(config.topics()), rejected);
            if (sender.failed() > 0) {
                err.println(sender.failed() + " records were not sent: " + sender.firstFailure());
                return 1;
            }
        }
        return 0;
    }
}
