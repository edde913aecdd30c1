package org.promoattribution.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.EventSender;
import org.promoattribution.load.ProgressBar;
import org.promoattribution.load.RatePacer;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficLoader;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code loadgen}: realistic generated traffic written to the cluster. */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
        description = {"Write generated shopper traffic to the pipeline's input topics: a promo-code table "
                + "(EXACT and REGEX codes, every credit policy, some schedules), then sessions of 1-20 clicks from "
                + "several partners and their orders, with 0-3 promo codes each and a few duplicates.",
                "The same --seed gives the same traffic."})
final class LoadgenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clicks", paramLabel = "N", defaultValue = "10000",
            description = "Distinct clicks to send (default: ${DEFAULT-VALUE}).")
    int clicks;

    @Option(names = "--codes", paramLabel = "N", defaultValue = "50",
            description = "Size of the promo-code table (default: ${DEFAULT-VALUE}).")
    int codes;

    @Option(names = "--conversion-ratio", paramLabel = "R", defaultValue = "0.1",
            description = "Orders per click (default: ${DEFAULT-VALUE}, one order per ten clicks).")
    double conversionRatio;

    @Option(names = "--rate", paramLabel = "N/s", converter = RateConverter.class,
            description = "Send at most N events a second, e.g. 500 or 500/s (default: as fast as possible).")
    Double rate;

    @Override
    public Integer call() throws Exception {
        TrafficProfile profile = profile();
        AttributionConfig config = cluster.config();
        PrintWriter out = spec.commandLine().getOut();
        CodeTable table = CodeTable.generate(profile);
        long start = System.nanoTime();
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry());
             EventSender sender = EventSender.connect(config,
                     AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry())))) {
            table.events().forEach(sender::send);
            TrafficTotals totals = TrafficLoader.send(new TrafficGenerator(profile, table), sender,
                    ProgressBar.onStderr("clicks", clicks), rate == null ? null : new RatePacer(rate));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("sent %,d promo codes and %s in %.1f s (%,.0f records/s)%n", table.size(), totals, seconds,
                    (table.size() + totals.events()) / seconds);
            if (sender.failed() > 0) {
                spec.commandLine().getErr().println(sender.failed() + " records were not sent: "
                        + sender.firstFailure());
                return 1;
            }
        }
        return 0;
    }

    private TrafficProfile profile() {
        try {
            return TrafficProfile.defaults().withSeed(seed).withClicks(clicks).withCodes(codes)
                    .withConversionRatio(conversionRatio);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** "500" or "500/s": events a second, more than zero. */
    static final class RateConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String number = value.endsWith("/s") ? value.substring(0, value.length() - 2) : value;
            try {
                double rate = Double.parseDouble(number.trim());
                if (rate > 0 && Double.isFinite(rate)) {
                    return rate;
                }
            } catch (NumberFormatException e) {
                // reported below, with the expected form
            }
            throw new TypeConversionException("expected events a second, such as 500 or 500/s: " + value);
        }
    }
}
