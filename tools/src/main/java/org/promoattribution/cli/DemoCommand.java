package org.promoattribution.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.config.Topics;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.EventSender;
import org.promoattribution.load.LocalPipeline;
import org.promoattribution.load.ProgressBar;
import org.promoattribution.load.RatePacer;
import org.promoattribution.load.SampleTerms;
import org.promoattribution.load.TopicReader;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficLoader;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.local.LocalStack;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.PromoCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole pipeline on this machine in under a minute: the embedded broker and
 * registry, sample promo codes, generated shoppers, and what was decided for them, told plainly.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show the pipeline at work: start the embedded Kafka broker and schema registry, run the "
                + "pipeline, load sample promo codes (every credit policy and match type) and commission terms (each "
                + "program's default, two partners' own, a code rate and category rates), stream generated clicks "
                + "and orders with their items, wait for every order's decision, then print a summary with each "
                + "partner's commission and a few decisions explained.",
                "Its overview page (decisions per hour, top partners, promo codes in use and leaking, dead letters) "
                        + "is served on 127.0.0.1 while it runs. Everything stops at the end."})
final class DemoCommand implements Callable<Integer> {
    private static final int SAMPLE_CODES = 24;
    private static final int EXAMPLES = 7;
    /** Shop-like pace: in bursts of thousands a second, some orders get decided before their last clicks are read. */
    private static final double EVENTS_PER_SECOND = 1000;
    private static final Duration CODES_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DECISIONS_SILENCE = Duration.ofSeconds(60);
    /** One order in this many is refunded or changed an hour or so later (SPEC "Adjustments"). */
    private static final int ADJUSTMENT_EVERY = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--clicks", paramLabel = "N", defaultValue = "3000",
            description = "Distinct clicks to generate (default: ${DEFAULT-VALUE}); about one order per ten clicks.")
    int clicks;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the generated traffic (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's, registry's and pipeline's data in DIR, which must be new or empty "
                    + "(an earlier demo's orders would count as duplicates). Default: temporary, deleted at the end.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrafficProfile profile = TrafficProfile.defaults().withSeed(seed).withClicks(clicks).withCodes(SAMPLE_CODES);
        CodeTable codes = CodeTable.generate(profile);
        List<CommissionTerms> terms = SampleTerms.of(profile, codes);
        long start = System.nanoTime();

        LocalStack configured = stack();
        err.println("Starting the embedded Kafka broker and schema registry ...");
        try (LocalStack stack = configured.start();
             LocalPipeline pipeline = LocalPipeline.serving(stack, dataDir == null ? null : dataDir.resolve("streams"));
             EventSender sender = EventSender.connect(pipeline.config(), pipeline.serdes())) {
            err.printf("Pipeline started (%.0f s); its overview page: %s. Loading %d sample promo codes and %d "
                    + "commission terms ...%n", seconds(start), pipeline.url().resolve("/overview"), codes.size(),
                    terms.size());
            codes.events().forEach(sender::send);
            SampleTerms.events(terms).forEach(sender::send);
            sender.flush();
            pipeline.awaitCodes(codes.size(), CODES_TIMEOUT);
            pipeline.awaitTerms(terms.size(), CODES_TIMEOUT);

            err.printf("Streaming %,d clicks and their orders, %,.0f events a second ...%n", clicks, EVENTS_PER_SECOND);
            TrafficGenerator traffic = new TrafficGenerator(profile, codes, 0, ADJUSTMENT_EVERY).withOrderItems();
            TrafficTotals totals = TrafficLoader.send(traffic, sender, ProgressBar.onStderr("clicks", clicks),
                    new RatePacer(EVENTS_PER_SECOND));
            if (sender.failed() > 0) {
                err.println(sender.failed() + " records were not sent: " + sender.firstFailure());
                return 1;
            }
            err.printf("Sent %s. Waiting for a decision on each order ...%n", totals);
            Topics topics = pipeline.config().topics();
            Map<String, AttributionDecision> decisions = new LinkedHashMap<>();
            read(pipeline, List.of(topics.credited(), topics.invalid(), topics.unattributed()),
                    pipeline.serdes().decision().deserializer(), totals.conversions())
                    .forEach(d -> decisions.putIfAbsent(d.getConversionId(), d));
            List<AdjustmentDecision> adjustments = read(pipeline, List.of(topics.adjusted()),
                    pipeline.serdes().adjustmentDecision().deserializer(), totals.adjustments());
            if (decisions.size() < totals.conversions() || adjustments.size() < totals.adjustments()) {
                err.printf("Only %,d of %,d orders and %,d of %,d adjustments were decided after %d s without a new "
                        + "decision.%n", decisions.size(), totals.conversions(), adjustments.size(),
                        totals.adjustments(), DECISIONS_SILENCE.toSeconds());
                return 1;
            }
            report(out, codes, totals, decisions, adjustments, pipeline.config()::referralWindow, seconds(start));
            out.printf("%nThe overview of these decisions (hours, partners, promo codes in use, dead letters) is at "
                    + "%s until the demo ends.%n", pipeline.url().resolve("/overview"));
            out.flush();
            err.println("Shutting down ...");
        }
        err.printf("Done in %.0f s.%n", seconds(start));
        return 0;
    }

    private LocalStack stack() throws IOException {
        if (dataDir == null) {
            return LocalStack.temporary();
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), "--data-dir " + dataDir + " is not empty");
                }
            }
        }
        Files.createDirectories(dataDir);
        return LocalStack.inDirectory(dataDir);
    }

    /** Reads committed records of {@code topics} until {@code expected} came, or none for a while. */
    private static <T> List<T> read(LocalPipeline pipeline, List<String> topics, Deserializer<T> deserializer,
                                    long expected) {
        List<T> records = new ArrayList<>();
        if (expected == 0) {
            return records;
        }
        try (TopicReader reader = TopicReader.open(pipeline.config(), topics, true)) {
            reader.read(record -> {
                records.add(deserializer.deserialize(record.topic(), record.value()));
                return records.size() < expected;
            }, DECISIONS_SILENCE);
        }
        return records;
    }

    private static void report(PrintWriter out, CodeTable codes, TrafficTotals totals,
                               Map<String, AttributionDecision> decisions, List<AdjustmentDecision> adjustments,
                               Function<String, Duration> referralWindow, double seconds) {
        out.printf("%nEvery one of %,d orders decided, %.0f s after start (%s).%n%n", decisions.size(), seconds,
                totals);
        DecisionSummary summary = new DecisionSummary();
        decisions.values().forEach(summary::add);
        summary.print(out);
        out.println();
        AdjustmentSummary adjusted = new AdjustmentSummary();
        adjustments.forEach(adjusted::add);
        adjusted.print(out);
        out.println();
        CommissionSummary commission = new CommissionSummary();
        decisions.values().forEach(commission::add);
        adjustments.forEach(commission::add);
        commission.print(out);

        out.printf("%nA few decisions explained:%n");
        DecisionStory story = new DecisionStory(codes.definitions().stream()
                .collect(Collectors.toMap(PromoCode::getPromoCodeId, c -> c)), referralWindow);
        DecisionStory.examples(decisions.values(), EXAMPLES).forEach(d -> out.println("  " + story.explain(d)));
        out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
