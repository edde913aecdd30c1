package org.promoattribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.ConfigSources;
import org.promoattribution.config.RuleKeys;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.simulate.DecisionJson;
import org.promoattribution.simulate.InputLines;
import org.promoattribution.simulate.Instants;
import org.promoattribution.simulate.JsonEvents;
import org.promoattribution.simulate.LineRunner;
import org.promoattribution.simulate.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code simulate FILE}: JSON-lines events in, one JSON line per decision out (SPEC "Offline simulation"). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run JSON-lines events through the attribution topology offline and print one JSON line per decision.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Events, one JSON object a line; '-' reads standard input.")
    String input;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of pipeline settings.")
    Path configFile;

    @Option(names = "--referral-window", paramLabel = "DURATION",
            description = "How far back a click counts, as an ISO-8601 duration (default P30D).")
    Duration referralWindow;

    @Option(names = "--decision-delay", paramLabel = "DURATION",
            description = "Wait this long in event time for late clicks before deciding (default PT0S).")
    Duration decisionDelay;

    @Option(names = "--now", paramLabel = "INSTANT", converter = NowConverter.class,
            description = "The wall clock when the run starts, as an ISO-8601 instant (default: this machine's clock).")
    Instant now;

    @Option(names = "--full", description = "Print every field of each decision, not only those of the SPEC example.")
    boolean full;

    @Option(names = "--usage", description = "After the decisions, print the usage figures of each promo code "
            + "per day (\"type\":\"usage\"), ordered by promoCodeId, then day.")
    boolean usage;

    @Option(names = "--payouts", description = "Then print the payout figures (SPEC C5) per program, partner and month "
            + "of the conversions' event time (\"type\":\"payout\"): credited, amount, commission, reversed, locked "
            + "(lock.period before --now).")
    boolean payouts;

    @Override
    public Integer call() throws Exception {
        Properties settings;
        try {
            settings = ConfigSources.load(configFile, System.getenv());
            if (referralWindow != null) {
                settings.setProperty(RuleKeys.REFERRAL_WINDOW, referralWindow.toString());
            }
            if (decisionDelay != null) {
                settings.setProperty(RuleKeys.DECISION_DELAY, decisionDelay.toString());
            }
            AttributionConfig.from(settings); // a bad or mistyped setting is a usage error, said before any input is read
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (!"-".equals(input) && (!Files.isReadable(Path.of(input)) || Files.isDirectory(Path.of(input)))) {
            throw new ParameterException(spec.commandLine(), "cannot read the input file " + input
                    + (Files.isDirectory(Path.of(input)) ? ": it is a directory" : ""));
        }
        ObjectMapper mapper = new ObjectMapper();
        DecisionJson json = new DecisionJson(mapper, full);
        PrintWriter out = spec.commandLine().getOut();
        try (InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
             Simulator simulator = new Simulator(settings, new AttributionMetrics(new SimpleMeterRegistry()),
                     now == null ? Instant.ofEpochMilli(System.currentTimeMillis()) : now)) {
            InputLines lines = new InputLines(in);
            LineRunner runner = new LineRunner(new JsonEvents(mapper), simulator::send, json);
            for (InputLines.Line line = lines.next(); line != null; line = lines.next()) {
                runner.run(line).forEach(out::println);
                out.flush();
            }
            simulator.finish().inDecidedOrder().forEach(decided -> out.println(json.format(decided)));
            if (usage) {
                simulator.usage().forEach(figures -> out.println(json.usage(figures)));
            }
            if (payouts) {
                simulator.payouts().forEach(line -> out.println(json.payout(line)));
            }
            out.flush();
        }
        return 0;
    }

    /**
     * Reads --now as the event timestamps are read, to the millisecond, from 1970 to the end of
     * 9999: the run's clock stamps its state files, which take no time before 1970, and
     * Kafka Streams adds intervals to it that must not overflow.
     */
    static final class NowConverter implements ITypeConverter<Instant> {
        private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

        @Override
        public Instant convert(String value) {
            Instant now;
            try {
                now = Instants.parse(value);
            } catch (DateTimeException | ArithmeticException e) {
                now = null;
            }
            if (now == null || now.isBefore(Instant.EPOCH) || now.isAfter(LATEST)) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant from "
                        + "1970-01-01T00:00:00Z to " + LATEST + ", such as 2026-06-01T10:00:00Z");
            }
            return now;
        }
    }
}
