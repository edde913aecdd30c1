package org.promoattribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.ConfigSources;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.simulate.DecisionJson;
import org.promoattribution.simulate.JsonEvents;
import org.promoattribution.simulate.RejectedEventException;
import org.promoattribution.simulate.Simulator;
import org.promoattribution.streams.AttributionMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

    @Option(names = "--full", description = "Print every field of each decision, not only those of the SPEC example.")
    boolean full;

    @Override
    public Integer call() throws Exception {
        Properties settings = ConfigSources.load(configFile, System.getenv());
        if (referralWindow != null) {
            settings.setProperty(AttributionConfig.REFERRAL_WINDOW, referralWindow.toString());
        }
        if (decisionDelay != null) {
            settings.setProperty(AttributionConfig.DECISION_DELAY, decisionDelay.toString());
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonEvents events = new JsonEvents(mapper);
        DecisionJson json = new DecisionJson(mapper, full);
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader reader = "-".equals(input)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
             Simulator simulator = new Simulator(settings, new AttributionMetrics(new SimpleMeterRegistry()))) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Simulator.Step step = simulator.send(events.parse(line));
                    if (step.rejection() != null) {
                        out.println(json.rejected(lineNumber, step.rejection()));
                    }
                    step.decisions().forEach(d -> out.println(json.format(d)));
                } catch (RejectedEventException e) {
                    out.println(json.rejected(lineNumber, e.getMessage()));
                }
                out.flush();
            }
            for (AttributionDecision decision : simulator.finish()) {
                out.println(json.format(decision));
            }
            out.flush();
        }
        return 0;
    }
}
