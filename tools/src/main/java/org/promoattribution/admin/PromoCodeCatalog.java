package org.promoattribution.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.streams.RecordDecoder;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.validation.InvalidRecordException;

/**
 * The promo-code definitions as the pipeline holds them, read from the compacted promo-codes
 * topic from its beginning to its end: the latest valid definition of each key, a tombstone
 * deleting it. An invalid update is skipped, as the pipeline skips it (the definition before it
 * stays live), and reported.
 */
public final class PromoCodeCatalog {
    /** A key whose latest record the pipeline rejected. */
    public record Rejected(String promoCodeId, String reason) {
    }

    /** The definitions by promoCodeId, and the keys whose latest update was rejected. */
    public record Snapshot(List<PromoCode> definitions, List<Rejected> rejected) {
    }

    private PromoCodeCatalog() {
    }

    /** Reads the whole topic with {@code consumer}, which this method assigns; fails after {@code timeout}. */
    public static Snapshot read(Consumer<byte[], byte[]> consumer, String topic, RecordDecoder<PromoCode> decoder,
                                Duration timeout) {
        Map<String, PromoCode> definitions = new TreeMap<>();
        Map<String, Rejected> rejected = new TreeMap<>();
        CompactedTopic.readToEnd(consumer, topic, timeout, record -> {
            if (record.key() == null) {
                return; // the pipeline dead-letters it (MISSING_KEY): it never defines a code
            }
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                definitions.remove(key);
                rejected.remove(key);
                return;
            }
            try {
                PromoCode code = decoder.decode(topic, record.value(), Instant.now());
                CodeDefinitions.from(code);
                definitions.put(key, code);
                rejected.remove(key);
            } catch (InvalidRecordException e) {
                rejected.put(key, new Rejected(key, e.reason() + ": " + e.getMessage()));
            }
        });
        List<PromoCode> sorted = new ArrayList<>(definitions.values());
        sorted.sort(Comparator.comparing(PromoCode::getProgramId).thenComparing(PromoCode::getPromoCodeId));
        return new Snapshot(sorted, List.copyOf(rejected.values()));
    }
}
