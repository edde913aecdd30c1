package org.promoattribution.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.promoattribution.schemas.PromoCodeUsage;

/**
 * The latest usage figures this instance holds (its partitions of usage-by-code-day), leaking codes
 * first, then by uses: an interactive query of the usage processor's store.
 */
public final class CodesInUse {
    private static final InternalAvro<PromoCodeUsage> FIGURES = new InternalAvro<>(PromoCodeUsage.class);
    private static final Comparator<PromoCodeUsage> LEAKING_THEN_MOST_USED = Comparator
            .comparing(PromoCodeUsage::getLeaking).reversed()
            .thenComparing(Comparator.comparingLong(PromoCodeUsage::getUses).reversed())
            .thenComparing(PromoCodeUsage::getPromoCodeId);

    private CodesInUse() {
    }

    /**
     * At most {@code limit} figures of the latest {@code days} days held (counted back from the latest
     * day, which is today while orders flow in, and the last day of a replay otherwise).
     */
    public static List<PromoCodeUsage> latest(KafkaStreams streams, int days, int limit) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.CODE_USAGE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
        LocalDate latest;
        try (KeyValueIterator<String, byte[]> last = store.reverseAll()) {
            if (!last.hasNext()) {
                return List.of();
            }
            latest = FIGURES.decode(last.next().value).getDay();
        }
        List<PromoCodeUsage> all = new ArrayList<>();
        // The store is keyed day first: the latest days are one range.
        try (KeyValueIterator<String, byte[]> it = store.range(latest.minusDays(days - 1).toString(), null)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                all.add(FIGURES.decode(entry.value));
            }
        }
        all.sort(LEAKING_THEN_MOST_USED);
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }
}
