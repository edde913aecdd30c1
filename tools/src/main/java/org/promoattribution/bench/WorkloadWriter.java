package org.promoattribution.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.EventSender;
import org.promoattribution.load.ProgressBar;
import org.promoattribution.load.RatePacer;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficLoader;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.simulate.SimEvent;

/** Writes scenarios to their input topics through the registry serde, as the click tracker and order system would. */
final class WorkloadWriter {
    private final BenchCluster cluster;

    WorkloadWriter(BenchCluster cluster) {
        this.cluster = cluster;
    }

    /** Writes the scenario's codes and all its traffic, once, for every contender to read. */
    Workload write(Scenario scenario) throws ExecutionException, InterruptedException {
        AttributionConfig config = prepare(scenario);
        try (EventSender sender = connect(config)) {
            TrafficTotals totals = TrafficLoader.send(scenario.traffic(scenario.codes()), sender,
                    ProgressBar.onStderr(scenario.name() + " clicks", scenario.profile().clicks()), null);
            return finish(scenario, config, sender, totals);
        }
    }

    /**
     * Creates the scenario's topics and writes its promo codes and commission terms; traffic follows
     * later, see {@link #pace}.
     */
    AttributionConfig prepare(Scenario scenario) throws ExecutionException, InterruptedException {
        AttributionConfig config = cluster.scenarioConfig(scenario.name());
        Topics topics = config.topics();
        cluster.createTopics(List.of(topics.clicks(), topics.conversions(), topics.promoCodes(), topics.adjustments(),
                topics.commissionTerms()), Set.of(topics.promoCodes(), topics.commissionTerms()),
                topics.definitionTables());
        try (EventSender sender = connect(config)) {
            CodeTable codes = scenario.codes();
            codes.events().forEach(sender::send);
            scenario.terms(codes).forEach(sender::send);
            sender.flush();
        }
        return config;
    }

    /**
     * Sends a prepared scenario's traffic at {@code perSecond} events a second, noting when each
     * conversion after the first {@code warmup} events was first handed to the producer (wall
     * clock, ms) in {@code sentAt}.
     */
    Workload pace(Scenario scenario, AttributionConfig config, double perSecond, long warmup,
                  Map<String, Long> sentAt)
            throws ExecutionException, InterruptedException {
        try (EventSender sender = connect(config)) {
            TrafficGenerator traffic = scenario.traffic(scenario.codes());
            RatePacer pacer = new RatePacer(perSecond);
            long sent = 0;
            while (traffic.hasNext()) {
                pacer.await(sent);
                SimEvent event = traffic.next();
                if (sent++ >= warmup && event.kind() == SimEvent.Kind.CONVERSION) {
                    sentAt.putIfAbsent(((Conversion) event.value()).getConversionId(), System.currentTimeMillis());
                }
                sender.send(event);
            }
            sender.flush();
            return finish(scenario, config, sender, traffic.totals());
        }
    }

    private EventSender connect(AttributionConfig config) {
        return EventSender.connect(config, cluster.serdes());
    }

    private Workload finish(Scenario scenario, AttributionConfig config, EventSender sender, TrafficTotals totals)
            throws ExecutionException, InterruptedException {
        if (sender.failed() > 0) {
            throw new IllegalStateException(sender.failed() + " records of " + scenario.name()
                    + " were not written: " + sender.firstFailure(), sender.firstFailure());
        }
        Topics topics = config.topics();
        return new Workload(scenario, config, totals, totals.events(),
                cluster.bytesOf(List.of(topics.clicks(), topics.conversions(), topics.adjustments())));
    }
}
