package org.promoattribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.load.TopicReader;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code consume TOPIC}: one JSON line per record of a topic, read_committed. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Print a topic's records as JSON lines, reading only committed transactions.",
                "Decisions and adjustment decisions show every field; clicks, conversions, adjustments and promo "
                        + "codes print as the lines produce and simulate read; the dead-letter topic (and any other) as key, headers and value_base64.",
                "Without --max or --timeout, reads until Ctrl-C."})
final class ConsumeCommand implements Callable<Integer> {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic's name, e.g. conversions-credited.")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record, not at the next one written.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stop when no record came for this long, as an ISO-8601 duration such as PT10S.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (max != null && max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be at least 1");
        }
        AttributionConfig config = cluster.config();
        PrintWriter out = spec.commandLine().getOut();
        AtomicLong printed = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry());
             TopicReader reader = open(config)) {
            RecordJson json = new RecordJson(new ObjectMapper(), config.topics(),
                    AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry())));
            // Ctrl-C ends the read; the hook then waits for the output to be flushed and the consumer closed.
            Thread stop = new Thread(() -> {
                reader.wakeup();
                awaitQuietly(finished);
            }, "consume-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                reader.read(record -> {
                    out.println(json.format(record));
                    out.flush();
                    long count = printed.incrementAndGet();
                    return max == null || count < max;
                }, timeout);
            } finally {
                removeQuietly(stop);
                spec.commandLine().getErr().println("consumed " + printed.get() + " records from " + topic);
            }
        } finally {
            finished.countDown();
        }
        return 0;
    }

    private TopicReader open(AttributionConfig config) {
        try {
            return TopicReader.open(config, List.of(topic), fromBeginning);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it is what ended the read
        }
    }
}
