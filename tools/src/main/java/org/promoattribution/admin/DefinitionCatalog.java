package org.promoattribution.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.promoattribution.streams.RecordDecoder;
import org.promoattribution.validation.InvalidRecordException;

/**
 * Definitions (promo codes, commission terms) as the pipeline holds them, read from their
 * compacted topic from its beginning to its end: the latest valid definition of each key, a
 * tombstone deleting it. An invalid update is skipped, as the pipeline skips it (the definition
 * before it stays live), and reported.
 */
public final class DefinitionCatalog {
    /** A key whose latest record the pipeline rejected. */
    public record Rejected(String id, String reason) {
    }

    /** The definitions in the caller's order, and the keys whose latest update was rejected. */
    public record Snapshot<T>(List<T> definitions, List<Rejected> rejected) {
    }

    /** The pipeline's check of one definition: an InvalidRecordException when it would reject it. */
    public interface Check<T> {
        void check(T definition);
    }

    private DefinitionCatalog() {
    }

    /** Reads the whole topic with {@code consumer}, which this method assigns; fails after {@code timeout}. */
    public static <T extends SpecificRecord> Snapshot<T> read(Consumer<byte[], byte[]> consumer, String topic, RecordDecoder<T> decoder,
                                       Check<T> check, Comparator<T> order, Duration timeout) {
        Map<String, T> definitions = new TreeMap<>();
        Map<String, Rejected> rejected = new TreeMap<>();
        WholeTopic.readToEnd(consumer, topic, timeout, record -> {
            if (record.key() == null) {
                return; // the pipeline dead-letters it (MISSING_KEY): it never defines anything
            }
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                definitions.remove(key);
                rejected.remove(key);
                return;
            }
            try {
                T definition = decoder.decode(topic, record.value(), Instant.now());
                check.check(definition);
                definitions.put(key, definition);
                rejected.remove(key);
            } catch (InvalidRecordException e) {
                rejected.put(key, new Rejected(key, e.reason() + ": " + e.getMessage()));
            }
        });
        List<T> sorted = new ArrayList<>(definitions.values());
        sorted.sort(order);
        return new Snapshot<>(sorted, List.copyOf(rejected.values()));
    }
}
