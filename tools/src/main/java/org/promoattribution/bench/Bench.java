package org.promoattribution.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The whole bench on one cluster: the main workload written once and read by raw clients (A), a
 * Streams passthrough (B), attribution (C) and attribution without usage figures (D) under both
 * guarantees, and under exactly-once C again over the workload with adjustments and over the one
 * with commission terms, in rounds after an unmeasured warm-up; each contender paced at half its own throughput for latency; then
 * attribution alone over the scale curves.
 */
public final class Bench {
    private static final List<Guarantee> GUARANTEES = List.of(Guarantee.EXACTLY_ONCE_V2, Guarantee.AT_LEAST_ONCE);

    private final BenchPlan plan;
    private final PrintWriter log;

    /** @param log where progress goes (stderr), apart from the final table */
    public Bench(BenchPlan plan, PrintWriter log) {
        this.plan = plan;
        this.log = log;
    }

    /**
     * Runs everything and writes {@code results.json} and {@code chart.html} to {@code outputDir}.
     *
     * @param settings bootstrap.servers, schema.registry.url and any client settings
     * @param out      where the table goes
     */
    public void run(Properties settings, String mode, String clusterName, Path outputDir, PrintWriter out)
            throws Exception {
        RunContext context = RunContext.now(mode, clusterName);
        BenchResults results = new BenchResults();
        AttributionContender attribution = AttributionContender.withUsageFigures();
        List<Contender> contenders = List.of(new RawClients(), new StreamsPassthrough(), attribution,
                AttributionContender.withoutUsageFigures());
        try (BenchCluster cluster = new BenchCluster(settings)) {
            Trials trials = new Trials(cluster);

            Workload main = trials.write(Scenario.main(plan.clicks()));
            Workload adjusted = trials.write(Scenario.adjusted(plan.clicks()));
            Workload withTerms = trials.write(Scenario.withTerms(plan.clicks()));
            List<Trial> eosRound = new ArrayList<>();
            contenders.forEach(c -> eosRound.add(new Trial(c, main)));
            // Attribution over the workload with adjustments runs right after attribution without them.
            eosRound.add(eosRound.indexOf(new Trial(attribution, main)) + 1, new Trial(attribution, adjusted));
            // ... and the one with commission terms right before it: each of its ratios pairs neighbours.
            eosRound.add(eosRound.indexOf(new Trial(attribution, main)), new Trial(attribution, withTerms));
            // Unmeasured: the first run of each code path in this JVM would time the JIT compiling it.
            log.println("warm-up (not counted):");
            for (Trial trial : eosRound) {
                attempt(() -> trials.throughput(trial.contender(), trial.workload(), Guarantee.EXACTLY_ONCE_V2));
            }
            for (Guarantee guarantee : GUARANTEES) {
                List<Trial> round = guarantee == Guarantee.EXACTLY_ONCE_V2 ? eosRound
                        : contenders.stream().map(c -> new Trial(c, main)).toList();
                for (int r = 0; r < plan.mainRounds(guarantee); r++) {
                    // Every other round in reverse, so that a drift in the machine's load within a
                    // round falls on each of two neighbours as often first as second.
                    List<Trial> order = new ArrayList<>(round);
                    if (r % 2 == 1) {
                        Collections.reverse(order);
                    }
                    List<Throughput> runs = new ArrayList<>();
                    for (Trial trial : order) {
                        attempt(() -> trials.throughput(trial.contender(), trial.workload(), guarantee))
                                .ifPresent(runs::add);
                    }
                    results.addRound(runs);
                }
            }
            for (Guarantee guarantee : GUARANTEES) {
                for (Contender contender : contenders) {
                    results.mainRun(contender.name(), guarantee).ifPresent(run -> attempt(() -> trials.latency(
                            contender, guarantee, run.recordsPerSecond() / 2, plan.pacedDuration()))
                            .ifPresent(results::addLatency));
                }
            }

            for (int codes : plan.regexCodes()) {
                Workload workload = trials.write(Scenario.regex(plan.clicks(), codes));
                attempt(() -> trials.throughput(attribution, workload, Guarantee.EXACTLY_ONCE_V2))
                        .ifPresent(run -> results.addRegex(codes, run));
            }
            for (int length : plan.sessionLengths()) {
                Workload workload = trials.write(Scenario.history(plan.historyClicks(), length));
                attempt(() -> trials.throughput(attribution, workload, Guarantee.EXACTLY_ONCE_V2))
                        .ifPresent(run -> results.addHistory(length, run));
            }
            for (int sessions : plan.sessions()) {
                Workload workload = trials.write(Scenario.sessions(sessions));
                attempt(() -> trials.throughput(attribution, workload, Guarantee.EXACTLY_ONCE_V2))
                        .ifPresent(run -> results.addSessions(sessions, run, StateSize.residentBytes()));
            }
        }
        ReportTable.print(out, context, results);
        ResultsJson.write(outputDir.resolve("results.json"),
                ResultsJson.document(context, results, RunContext.loadAverage()));
        HtmlChart.write(outputDir.resolve("chart.html"), context, results);
        out.printf("%nwrote %s and %s%n", outputDir.resolve("results.json"), outputDir.resolve("chart.html"));
        out.flush();
    }

    /** One contender over one workload. */
    private record Trial(Contender contender, Workload workload) {
    }

    /** A run that fails or stalls is reported and left out (its figures become null); the others go on. */
    private <T> Optional<T> attempt(Callable<T> run) {
        try {
            T result = run.call();
            if (result instanceof Throughput t) {
                note(t);
            } else if (result instanceof Latency l) {
                note(l);
            }
            return Optional.of(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            log.printf("  run failed, left out: %s%n", e.getCause() != null ? e.getCause().getMessage() : e);
            log.flush();
            return Optional.empty();
        }
    }

    private void note(Throughput t) {
        log.printf("  %-16s %-20s %-5s %,10.0f records/s (%,d records in %.1f s)%n", t.scenario(), t.contender(),
                t.guarantee().label(), t.recordsPerSecond(), t.records(), t.seconds());
        log.flush();
    }

    private void note(Latency l) {
        log.printf("  %-16s %-20s %-5s paced %,.0f/s: p50 %d ms, p99 %d ms, max %d ms (%,d samples)%n", "latency",
                l.contender(), l.guarantee().label(), l.targetRate(), l.p50(), l.p99(), l.max(), l.samples());
        log.flush();
    }
}
