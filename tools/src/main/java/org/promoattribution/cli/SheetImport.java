package org.promoattribution.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;
import org.promoattribution.admin.ImportWriter;
import org.promoattribution.admin.SheetRow;
import org.apache.kafka.common.serialization.Serializer;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryClients;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;

/**
 * What {@code codes import} and {@code terms import} share: every row of the CSV file is checked
 * and reported, then all rows are loaded in one transaction, or none when any row fails.
 *
 * @param what   what the rows define, plural ("promo codes")
 * @param id     a definition's id, its key on the topic
 * @param topic  the topic it goes to
 * @param serializer its serializer, from the pipeline's serdes
 */
record SheetImport<T>(String what, Function<T, String> id, Function<AttributionConfig, String> topic,
                      Function<AttributionSerdes, Serializer<T>> serializer) {

    /** Reads a CSV file into its rows; IllegalArgumentException for a problem of the whole file. */
    interface Sheet<T> {
        List<SheetRow<T>> read(Reader csv) throws IOException;
    }

    /** The exit status: 0 when every row was valid (and loaded, unless {@code dryRun}), else 1. */
    int run(Path file, Sheet<T> sheet, boolean dryRun, ClusterOptions cluster, PrintWriter out, PrintWriter err) {
        List<SheetRow<T>> rows;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = sheet.read(reader);
        } catch (IOException | IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return 1;
        }
        if (rows.isEmpty()) {
            err.println(file + ": no " + what + " below the header");
            return 1;
        }
        long failed = rows.stream().filter(row -> !row.valid()).count();
        if (failed > 0 || dryRun) {
            rows.forEach(row -> out.println(row.valid()
                    ? "row " + row.number() + ": " + id.apply(row.value()) + " valid"
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
        List<T> values = rows.stream().map(SheetRow::value).toList();
        try (SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(config.registry())) {
            AttributionSerdes serdes = AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry()));
            ImportWriter.writeAll(config, topic.apply(config), serializer.apply(serdes), id, values);
        } catch (KafkaException e) {
            err.println("nothing loaded: " + e.getMessage());
            return 1;
        }
        rows.forEach(row -> out.println("row " + row.number() + ": " + id.apply(row.value()) + " loaded"));
        out.printf("loaded %d %s to %s%n", values.size(), what, topic.apply(config));
        return 0;
    }
}
