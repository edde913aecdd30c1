package org.promoattribution.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.usage.UsageKey;

/**
 * The usage figures on the compacted promo-code-usage topic (the latest record per key), filtered
 * and shown as a table ordered by program, promoCodeId, then day.
 */
public final class UsageReport {
    private static final List<String> HEADERS = List.of("PROGRAM", "PROMO CODE ID", "PARTNER", "DAY", "USES",
            "CREDITED", "INVALID", "WITHOUT OWNER CLICK", "LEAKING");

    private UsageReport() {
    }

    /** Which figures to show: null for any program or day. */
    public record Filter(String programId, LocalDate day, boolean leakingOnly) implements Predicate<PromoCodeUsage> {
        @Override
        public boolean test(PromoCodeUsage u) {
            return (programId == null || programId.equals(u.getProgramId()))
                    && (day == null || day.equals(u.getDay()))
                    && (!leakingOnly || u.getLeaking());
        }
    }

    /** Reads the whole topic with {@code consumer}, which this method assigns; fails after {@code timeout}. */
    public static List<PromoCodeUsage> read(Consumer<byte[], byte[]> consumer, String topic,
                                            Deserializer<PromoCodeUsage> deserializer, Duration timeout) {
        Map<UsageKey, PromoCodeUsage> latest = new TreeMap<>();
        WholeTopic.readToEnd(consumer, topic, timeout, record -> {
            if (record.key() == null) {
                return; // never written by the pipeline
            }
            UsageKey key = UsageKey.parse(new String(record.key(), StandardCharsets.UTF_8));
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, deserializer.deserialize(topic, record.value()));
            }
        });
        return List.copyOf(latest.values());
    }

    public static String table(List<PromoCodeUsage> figures) {
        List<PromoCodeUsage> sorted = new ArrayList<>(figures);
        sorted.sort(Comparator.comparing(PromoCodeUsage::getProgramId)
                .thenComparing(u -> new UsageKey(u.getPromoCodeId(), u.getDay())));
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (PromoCodeUsage u : sorted) {
            rows.add(List.of(u.getProgramId(), u.getPromoCodeId(), u.getPartnerId(), u.getDay().toString(),
                    Long.toString(u.getUses()), Long.toString(u.getCredited()), Long.toString(u.getInvalid()),
                    Long.toString(u.getWithoutOwnerClick()), u.getLeaking() ? "LEAKING" : ""));
        }
        return TextTable.format(rows);
    }
}
