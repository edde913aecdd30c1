package org.promoattribution.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.promoattribution.admin.PromoCodeCsv;
import org.promoattribution.admin.PromoCodeWriter;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codes import FILE.csv}: checks every row, then loads all of them or none. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load promo-code definitions from a CSV file onto the promo-codes topic.",
                "Columns (header row, any order, case and punctuation ignored): " + PromoCodeCsv.COLUMNS + ".",
                "Start and end date-times are local to the row's time zone (e.g. 2026-06-01 09:00, Europe/Paris).",
                "Every row is checked as the pipeline checks it. If any row fails, nothing is loaded and the exit "
                        + "status is 1; otherwise all rows are written in one transaction."})
final class CodesImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8).")
    Path file;

    @Option(names = "--dry-run", description = "Check the rows and load nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<PromoCodeCsv.Row> rows;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = PromoCodeCsv.read(reader);
        } catch (IOException | IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
        if (rows.isEmpty()) {
            err.println(file + ": no promo codes below the header");
            return 1;
        }
        long failed = rows.stream().filter(row -> !row.valid()).count();
        if (failed > 0 || dryRun) {
            rows.forEach(row -> out.println(row.valid()
                    ? "row " + row.number() + ": " + row.code().getPromoCodeId() + " valid"
                    : "row " + row.number() + ": error: " + row.error()));
            if (failed > 0) {
                err.printf("nothing loaded: %d of %d rows have errors; fix them and import the file again%n",
                        failed, rows.size());
                return 1;
            }
            out.printf("all %d rows are valid; nothing loaded (--dry-run)%n", rows.size());
            return 0;
        }
        AttributionConfig config = cluster.config();
        List<PromoCode> codes = rows.stream().map(PromoCodeCsv.Row::code).toList();
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry())) {
            AttributionSerdes serdes = AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry()));
            PromoCodeWriter.writeAll(config, serdes.promoCode().serializer(), codes);
        } catch (KafkaException e) {
            err.println("nothing loaded: " + e.getMessage());
            return 1;
        }
        rows.forEach(row -> out.println("row " + row.number() + ": " + row.code().getPromoCodeId() + " loaded"));
        out.printf("loaded %d promo codes to %s%n", codes.size(), config.topics().promoCodes());
        return 0;
    }
}
