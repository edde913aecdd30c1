package org.promoattribution.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.state.StoreNames;
import org.promoattribution.streams.AttributionSerdes;

/** Runs one contender once: over a written workload for throughput, or paced for latency. */
final class Trials {
    /** Click and conversion events per distinct click in generated traffic (orders 0.1, retries about 0.01). */
    private static final double EVENTS_PER_CLICK = 1.11;
    /** Latencies of the conversions sent in this first share of a paced run are left out: warm-up. */
    private static final double WARMUP_SHARE = 0.2;

    private final BenchCluster cluster;
    private final WorkloadWriter writer;
    private final AttributionSerdes serdes;

    Trials(BenchCluster cluster) {
        this.cluster = cluster;
        this.writer = new WorkloadWriter(cluster);
        this.serdes = cluster.serdes();
    }

    Workload write(Scenario scenario) throws Exception {
        return writer.write(scenario);
    }

    /**
     * Reads the whole workload from its beginning; timed from the contender being ready to the
     * moment its last output is visible and, for raw clients, every input was read.
     */
    Throughput throughput(Contender contender, Workload workload, Guarantee guarantee) throws Exception {
        Path stateDir = Files.createTempDirectory("promo-attribution-bench");
        try {
            RunSpec run = prepareRun(contender, workload.scenario(), guarantee, stateDir);
            long ready;
            long done;
            long cpuNanos;
            long expected = contender.expectedOutputs(workload.totals());
            SteadyWindow window = new SteadyWindow(expected);
            try (OutputWatch watch = new OutputWatch(run.config(), contender.outputTopics(run), expected, Map.of(),
                    r -> null, window::seen);
                 Contender.Running running = contender.start(run, serdes)) {
                window.measuring(running::cpuNanos);
                ready = running.awaitReady();
                long cpuAtReady = running.cpuNanos();
                done = Math.max(watch.await().lastNanos(), running.awaitInputsRead());
                cpuNanos = running.cpuNanos() - cpuAtReady;
            }
            double seconds = (done - ready) / 1e9;
            return new Throughput(workload.scenario().name(), contender.name(), guarantee, workload.records(),
                    workload.bytes(), seconds, cpuNanos, StateSize.rocksDbBytes(stateDir),
                    contender.storedClicks(workload.totals()), StateSize.storeBytes(stateDir, StoreNames.DECISION_LEDGER),
                    contender.rememberedDecisions(workload.totals()), window.result());
        } finally {
            StateSize.delete(stateDir);
        }
    }

    /**
     * Sends fresh traffic of the main shape at {@code rate} events a second for about
     * {@code duration} while the contender runs, and times each conversion to its output.
     */
    Latency latency(Contender contender, Guarantee guarantee, double rate, Duration duration) throws Exception {
        int clicks = (int) Math.max(100, rate * duration.toMillis() / 1000 / EVENTS_PER_CLICK);
        Scenario scenario = Scenario.paced("paced-" + contender.name() + "-" + guarantee.label(), clicks);
        AttributionConfig inputs = writer.prepare(scenario);
        Path stateDir = Files.createTempDirectory("promo-attribution-bench");
        try {
            RunSpec run = prepareRun(contender, scenario, guarantee, stateDir);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long expected = contender.expectedOutputs(scenario.totals());
            OutputWatch.Observed observed;
            try (OutputWatch watch = new OutputWatch(run.config(), contender.outputTopics(run), expected, sentAt,
                    r -> contender.conversionId(r, serdes), seen -> { });
                 Contender.Running running = contender.start(run, serdes)) {
                running.awaitReady();
                writer.pace(scenario, inputs, rate, (long) (clicks * EVENTS_PER_CLICK * WARMUP_SHARE), sentAt);
                observed = watch.await();
            }
            return Latency.of(contender.name(), guarantee, rate, observed.latenciesMs());
        } finally {
            StateSize.delete(stateDir);
        }
    }

    private RunSpec prepareRun(Contender contender, Scenario scenario, Guarantee guarantee, Path stateDir)
            throws Exception {
        RunSpec run = cluster.run(scenario.name(), contender.name(), contender.settings(), guarantee, stateDir);
        Topics topics = run.config().topics();
        cluster.createTopics(contender.topicsToCreate(run), Set.of(topics.validatedPromoCodes(),
                topics.validatedCommissionTerms(), topics.usage()), topics.definitionTables());
        return run;
    }
}
