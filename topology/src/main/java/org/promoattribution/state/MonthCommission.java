package org.promoattribution.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.promoattribution.schemas.Outcome;

/**
 * The credited orders of one UTC month (by the orders' event time, as payouts count them, SPEC C5)
 * and their commission after every adjustment, per program and partner: an interactive query of
 * this instance's partitions of the decision ledger, for the overview page. The ledger stamps each
 * entry with the time it was decided, which is no earlier than the order's event time less
 * event.time.max.ahead, so only the entries decided since then are read.
 */
public final class MonthCommission {
    /** One partner's month: credited orders (reversed ones included) and their commission (none: 0). */
    public record Partner(String programId, String partnerId, long credited, BigDecimal commission) {
        Partner plus(Partner other) {
            return new Partner(programId, partnerId, credited + other.credited, commission.add(other.commission));
        }
    }

    private MonthCommission() {
    }

    /** This instance's partitions of the decision ledger. */
    public static ReadOnlyWindowStore<Bytes, byte[]> ledger(KafkaStreams streams) {
        return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.DECISION_LEDGER,
                QueryableStoreTypes.<Bytes, byte[]>windowStore()));
    }

    /** At most {@code limit} partners, the highest commission first. */
    public static List<Partner> of(ReadOnlyWindowStore<Bytes, byte[]> ledger, YearMonth month,
                                   Duration eventTimeMaxAhead, int limit) {
        long from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Map<List<String>, Partner> partners = new HashMap<>();
        try (KeyValueIterator<Windowed<Bytes>, byte[]> it = ledger.fetchAll(
                Instant.ofEpochMilli(from).minus(eventTimeMaxAhead), Instant.ofEpochMilli(Long.MAX_VALUE))) {
            while (it.hasNext()) {
                KeyValue<Windowed<Bytes>, byte[]> next = it.next();
                LedgerEntry entry = LedgerEntry.decode(next.value);
                if (entry.outcome() != Outcome.CREDITED || entry.conversionTimeMs() < from
                        || entry.conversionTimeMs() >= to) {
                    continue;
                }
                String programId = SeenIds.firstPart(next.key.key());
                partners.merge(List.of(programId, entry.partnerId()), new Partner(programId, entry.partnerId(), 1,
                        entry.commission() == null ? BigDecimal.ZERO : entry.commission()), Partner::plus);
            }
        }
        return partners.values().stream().sorted(Comparator.comparing(Partner::commission).reversed()
                .thenComparing(Partner::programId).thenComparing(Partner::partnerId)).limit(limit).toList();
    }
}
