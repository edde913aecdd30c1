package org.promoattribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.promoattribution.admin.DecisionLog;
import org.promoattribution.admin.PayoutReport;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.payouts.PayoutLine;
import org.promoattribution.simulate.DecisionJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code payouts}: SPEC C5's figures from the decision topics, per program, partner and month. */
@Command(name = "payouts", mixinStandardHelpOptions = true,
        description = {"Print what each partner has earned, per program, partner and month of the orders (UTC), "
                + "from the decisions and adjustment decisions the pipeline wrote (committed records, read to "
                + "their end): credited orders, reversed ones, amount and commission after every applied "
                + "adjustment, and the commission pending (orders still open to adjustments) and locked (orders "
                + "older than the program's lock.period, which no adjustment changes any more).",
                "'payouts what-if' replays a period under other terms."},
        subcommands = PayoutsWhatIfCommand.class)
final class PayoutsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--program", paramLabel = "PROGRAM", description = "Only this program.")
    String program;

    @Option(names = "--partner", paramLabel = "PARTNER", description = "Only this partner.")
    String partner;

    @Option(names = "--month", paramLabel = "MONTH", description = "Only the orders of this UTC month, as 2026-06.")
    YearMonth month;

    @Option(names = "--now", paramLabel = "INSTANT", converter = SimulateCommand.NowConverter.class,
            description = "Lock against this instant instead of the clock, as an ISO-8601 instant.")
    Instant now;

    @Option(names = "--json", description = "JSON lines, as 'simulate --payouts' prints them.")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header row.")
    boolean csv;

    @Override
    public Integer call() {
        if (json && csv) {
            throw new ParameterException(spec.commandLine(), "--json and --csv exclude each other: pick one");
        }
        PrintWriter out = spec.commandLine().getOut();
        AttributionConfig config = cluster.config();
        List<PayoutLine> lines;
        try {
            lines = cluster.read(config, (consumer, serdes) -> DecisionLog.payouts(consumer, config.topics(), serdes,
                    ClusterOptions.READ_TIMEOUT))
                    .lines(config.adjustments()::lockPeriod, now == null ? Instant.now() : now)
                    .stream().filter(new PayoutReport.Filter(program, partner, month)).toList();
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        if (json) {
            DecisionJson format = new DecisionJson(new ObjectMapper(), false);
            lines.forEach(line -> out.println(format.payout(line)));
        } else if (csv) {
            out.print(PayoutReport.csv(lines));
        } else if (lines.isEmpty()) {
            out.println("no credited orders" + (program == null ? "" : " of program " + program)
                    + (partner == null ? "" : " of partner " + partner) + (month == null ? "" : " in " + month));
        } else {
            out.print(PayoutReport.table(lines));
            out.printf("%d rows; months of the orders' event time, UTC; locked: older than the program's lock period%n",
                    lines.size());
        }
        out.flush();
        return 0;
    }
}
