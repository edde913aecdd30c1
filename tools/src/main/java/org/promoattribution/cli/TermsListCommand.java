package org.promoattribution.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.promoattribution.admin.DefinitionCatalog;
import org.promoattribution.admin.TermsListing;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.streams.RecordCheck;
import org.promoattribution.streams.RecordDecoder;
import org.promoattribution.validation.TermsDefinitions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terms list}: the terms on the commission-terms topic, as the pipeline holds them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Print the commission terms on the commission-terms topic as a table in the import's columns: "
                + "each Terms ID's latest valid terms (deleted ones left out), with its status now (live, "
                + "scheduled, expired). A program's default terms show (default) as partner.",
                "Terms whose latest update the pipeline rejected are named below the table."})
final class TermsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--program", paramLabel = "PROGRAM", description = "Only the terms of this program.")
    String program;

    @Option(names = "--partner", paramLabel = "PARTNER", description = "Only this partner's own terms.")
    String partner;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Show valid from and to in this time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AttributionConfig config = cluster.config();
        DefinitionCatalog.Snapshot<CommissionTerms> snapshot;
        try {
            snapshot = cluster.read(config, (consumer, serdes) -> DefinitionCatalog.read(consumer,
                    config.topics().commissionTerms(),
                    new RecordDecoder<>(serdes.commissionTerms().deserializer(), RecordCheck.none()),
                    terms -> TermsDefinitions.from(terms, config.referralWindowMax()),
                    Comparator.comparing(CommissionTerms::getProgramId).thenComparing(CommissionTerms::getTermsId),
                    ClusterOptions.READ_TIMEOUT));
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        List<CommissionTerms> terms = snapshot.definitions().stream()
                .filter(t -> program == null || t.getProgramId().equals(program))
                .filter(t -> partner == null || partner.equals(t.getPartnerId())).toList();
        if (terms.isEmpty()) {
            out.println("no commission terms" + (program == null ? "" : " of program " + program)
                    + (partner == null ? "" : " of partner " + partner));
        } else {
            out.print(new TermsListing(zone).table(terms, Instant.now()));
            out.printf("%d commission terms; valid from and to in %s%n", terms.size(), zone);
        }
        snapshot.rejected().forEach(r -> out.println(r.id() + ": its latest update was rejected ("
                + r.reason() + "); the terms before it, if any, are the ones listed"));
        return 0;
    }
}
