package org.promoattribution.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.promoattribution.admin.UsageReport;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.PromoCodeUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codes report}: the usage figures on the promo-code-usage topic (SPEC "Promo-code usage and leaks"). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print each promo code's usage per UTC day as a table, from the promo-code-usage topic "
                + "(committed records only, the latest per code and day): uses, credited, invalid, uses without "
                + "a click of the code's partner, and whether the code is leaking."})
final class CodesReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--program", paramLabel = "PROGRAM", description = "Only the figures of this program's codes.")
    String program;

    @Option(names = "--day", paramLabel = "DAY", description = "Only this UTC day, as 2026-06-01.")
    LocalDate day;

    @Option(names = "--leaking", description = "Only the codes leaking on their day.")
    boolean leaking;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AttributionConfig config = cluster.config();
        List<PromoCodeUsage> figures;
        try {
            figures = cluster.read(config, (consumer, serdes) -> UsageReport.read(consumer, config.topics().usage(),
                    serdes.usage().deserializer(), ClusterOptions.READ_TIMEOUT))
                    .stream().filter(new UsageReport.Filter(program, day, leaking)).toList();
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        if (figures.isEmpty()) {
            out.println("no usage figures" + (leaking ? " of leaking codes" : "")
                    + (program == null ? "" : " of program " + program) + (day == null ? "" : " on " + day));
        } else {
            out.print(UsageReport.table(figures));
            out.printf("%d rows; days in UTC%n", figures.size());
        }
        return 0;
    }
}
