package org.promoattribution.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.promoattribution.streams.RecordCheck;
import org.promoattribution.admin.CodeListing;
import org.promoattribution.admin.DefinitionCatalog;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.streams.RecordDecoder;
import org.promoattribution.validation.CodeDefinitions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codes list}: the definitions on the promo-codes topic, as the pipeline holds them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Print the promo-code definitions on the promo-codes topic as a table: each code's latest "
                + "valid definition (deleted codes left out), with its status now (live, scheduled, expired).",
                "Codes whose latest update the pipeline rejected are named below the table."})
final class CodesListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--program", paramLabel = "PROGRAM", description = "Only the codes of this program.")
    String program;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Show start and end in this time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AttributionConfig config = cluster.config();
        DefinitionCatalog.Snapshot<PromoCode> snapshot;
        try {
            snapshot = cluster.read(config, (consumer, serdes) -> DefinitionCatalog.read(consumer,
                    config.topics().promoCodes(),
                    new RecordDecoder<>(serdes.promoCode().deserializer(), RecordCheck.none()), CodeDefinitions::from,
                    Comparator.comparing(PromoCode::getProgramId).thenComparing(PromoCode::getPromoCodeId),
                    ClusterOptions.READ_TIMEOUT));
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        List<PromoCode> codes = snapshot.definitions().stream()
                .filter(c -> program == null || c.getProgramId().equals(program)).toList();
        if (codes.isEmpty()) {
            out.println(program == null ? "no promo codes" : "no promo codes of program " + program);
        } else {
            out.print(new CodeListing(zone).table(codes, Instant.now()));
            out.printf("%d promo codes; start and end in %s%n", codes.size(), zone);
        }
        snapshot.rejected().forEach(r -> out.println(r.id() + ": its latest update was rejected ("
                + r.reason() + "); the definition before it, if any, is the one listed"));
        return 0;
    }
}
