package org.promoattribution.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.admin.DefinitionCatalog;
import org.promoattribution.admin.ScheduleListing;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.RecordCheck;
import org.promoattribution.streams.RecordDecoder;

/**
 * What {@code codes list} and {@code terms list} share: the definitions on their compacted topic as
 * the pipeline holds them ({@link DefinitionCatalog}), those the options select as a table, then the
 * keys whose latest update the pipeline rejected.
 *
 * @param what         what the definitions are, plural ("promo codes")
 * @param times        the table's times, for the line below it ("start and end")
 * @param listedInstead what the table holds for a key whose latest update was rejected
 * @param topic        the topic they are on
 * @param deserializer their deserializer, from the pipeline's serdes
 * @param check        the pipeline's check of one, under its settings
 * @param order        the table's order
 * @param programId    a definition's program, for --program
 * @param listing      the table, its times in a zone
 */
record DefinitionList<T extends SpecificRecord>(String what, String times, String listedInstead,
                                                Function<AttributionConfig, String> topic,
                                                Function<AttributionSerdes, Deserializer<T>> deserializer,
                                                Function<AttributionConfig, DefinitionCatalog.Check<T>> check,
                                                Comparator<T> order, Function<T, String> programId,
                                                Function<ZoneId, ScheduleListing<T>> listing) {

    /**
     * The exit status: 1 when the topic cannot be read, else 0.
     *
     * @param selected  whether the options select a definition
     * @param selection the options' selection in words, after "no promo codes" (" of program acme")
     */
    int run(ClusterOptions cluster, Predicate<T> selected, String selection, ZoneId zone, PrintWriter out,
            PrintWriter err) {
        AttributionConfig config = cluster.config();
        DefinitionCatalog.Snapshot<T> snapshot;
        try {
            snapshot = cluster.read(config, (consumer, serdes) -> DefinitionCatalog.read(consumer, topic.apply(config),
                    new RecordDecoder<>(deserializer.apply(serdes), RecordCheck.none()), check.apply(config), order,
                    ClusterOptions.READ_TIMEOUT));
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        List<T> definitions = snapshot.definitions().stream().filter(selected).toList();
        if (definitions.isEmpty()) {
            out.println("no " + what + selection);
        } else {
            out.print(listing.apply(zone).table(definitions, Instant.now()));
            out.printf("%d %s; %s in %s%n", definitions.size(), what, times, zone);
        }
        snapshot.rejected().forEach(r -> out.println(r.id() + ": its latest update was rejected (" + r.reason()
                + "); " + listedInstead));
        return 0;
    }
}
