package org.promoattribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.promoattribution.admin.PeriodTraffic;
import org.promoattribution.admin.WhatIfReport;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.simulate.InputLines;
import org.promoattribution.simulate.JsonEvents;
import org.promoattribution.simulate.RejectedEventException;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.simulate.TermsComparison;
import org.promoattribution.validation.InvalidRecordException;
import org.promoattribution.validation.TermsDefinitions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code payouts what-if}: a period of traffic replayed offline under other terms, per partner. */
@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"Replay a period of traffic offline, through the same topology as 'simulate', under the terms "
                + "in force and under new terms, and print per partner the commission now, under the new terms "
                + "and the difference, with totals. Nothing is written to the pipeline's topics.",
                "--terms: JSON lines of commission_terms (and commission_terms_delete), as simulate reads them. "
                        + "Each replaces the terms of its termsId for the whole period; other terms stay as they are.",
                "The traffic: --events FILE (simulate's JSON lines; the terms in force are the file's), or the "
                        + "topics' orders with event time in [--from, --to), the clicks that can count for them, "
                        + "their adjustments, and today's promo codes and terms (committed records only)."})
final class PayoutsWhatIfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--terms", paramLabel = "NEW.jsonl", required = true,
            description = "The new terms, one commission_terms or commission_terms_delete line each.")
    Path terms;

    @Option(names = "--events", paramLabel = "FILE", description = "Replay these events (simulate's JSON lines).")
    Path events;

    @Option(names = "--from", paramLabel = "INSTANT", converter = SimulateCommand.NowConverter.class,
            description = "Replay the topics' orders from this event time on (inclusive), as 2026-06-01T00:00:00Z.")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", converter = SimulateCommand.NowConverter.class,
            description = "... up to this event time (exclusive).")
    Instant to;

    @Option(names = "--now", paramLabel = "INSTANT", converter = SimulateCommand.NowConverter.class,
            description = "The wall clock of the replay, as in simulate (default: this machine's clock).")
    Instant now;

    @Override
    public Integer call() throws IOException {
        boolean fromTopics = from != null || to != null;
        if ((events == null) == !fromTopics) {
            throw usage("give either --events FILE or --from and --to");
        }
        if (fromTopics && (from == null || to == null || !from.isBefore(to))) {
            throw usage("--from and --to must both be given, --from before --to");
        }
        if (events != null && !Files.isReadable(events)) {
            throw usage("cannot read the events file " + events);
        }
        if (!Files.isReadable(terms)) {
            throw usage("cannot read the terms file " + terms);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AttributionConfig settings = events == null ? cluster.config() : cluster.settings();
        JsonEvents json = new JsonEvents(new ObjectMapper());
        List<SimEvent> newTerms = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        readLines(terms, json, (number, event, error) -> {
            if (error == null && event.kind() != SimEvent.Kind.COMMISSION_TERMS) {
                error = "a " + event.kind().name().toLowerCase(Locale.ROOT) + " event is not terms";
            }
            if (error == null && event.value() != null) {
                try {
                    TermsDefinitions.from((CommissionTerms) event.value(), settings.referralWindowMax());
                } catch (InvalidRecordException e) {
                    error = e.reason() + ": " + e.getMessage();
                }
            }
            if (error == null) {
                newTerms.add(event);
            } else {
                errors.add(terms + " line " + number + ": " + error);
            }
        });
        if (!errors.isEmpty() || newTerms.isEmpty()) {
            errors.forEach(err::println);
            err.println("nothing compared: " + (errors.isEmpty() ? terms + " holds no terms" : "fix the terms file"));
            return 1;
        }
        Instant clock = now == null ? Instant.now() : now;
        try (TermsComparison comparison = new TermsComparison(cluster.properties(), clock, newTerms)) {
            String source;
            if (events != null) {
                long[] lines = {0, 0};
                readLines(events, json, (number, event, error) -> {
                    lines[0]++;
                    if (error != null) {
                        lines[1]++;
                    } else {
                        comparison.send(event);
                    }
                });
                source = lines[0] + " lines of " + events + (lines[1] == 0 ? "" : " (" + lines[1] + " unreadable)");
            } else {
                PeriodTraffic.Events period = cluster.read(settings, (consumer, serdes) ->
                        PeriodTraffic.read(consumer, settings, serdes, from, to, ClusterOptions.READ_TIMEOUT));
                period.definitions().forEach(comparison::send);
                period.traffic().forEach(comparison::send);
                source = period.traffic().size() + " clicks, orders and adjustments of [" + from + ", " + to + ")"
                        + (period.unreadable() == 0 ? "" : " (" + period.unreadable() + " unreadable records left out)");
            }
            out.print(WhatIfReport.table(comparison.finish()));
            out.println("Replayed " + source + " under the terms in force and under " + newTerms.size()
                    + " new terms from " + terms + ".");
            if (comparison.rejected() > 0) {
                out.println(comparison.rejected() + " events were refused as the pipeline refuses them (first: "
                        + comparison.firstRejection() + ").");
            }
        }
        out.flush();
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** What each line of a JSON-lines file holds: its event, or why it has none. */
    private interface LineHandler {
        void line(long number, SimEvent event, String error);
    }

    private static void readLines(Path file, JsonEvents json, LineHandler handler) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputLines lines = new InputLines(in);
            for (InputLines.Line line = lines.next(); line != null; line = lines.next()) {
                try {
                    String text = line.text();
                    if (!text.isBlank()) {
                        handler.line(line.number(), json.parse(text), null);
                    }
                } catch (RejectedEventException e) {
                    handler.line(line.number(), null, e.getMessage());
                }
            }
        }
    }
}
