package org.promoattribution.explain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.promoattribution.state.LedgerEntry;
import org.promoattribution.state.SeenIds;

/**
 * Where a decided conversion stands after its adjustments, for explain: its current amount and
 * commission (null without one, SPEC C4) and whether it was reversed (from the decision ledger), and the adjustments decided for it (from
 * {@link AdjustmentHistory}). Both live on the conversionId's partition.
 */
public record ConversionStanding(
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal currentAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal currentCommission,
        boolean reversed,
        List<AdjustmentHistory.Entry> adjustments) {

    /** Empty when the ledger does not know the conversion (decided before adjustments existed, or forgotten). */
    public static Optional<ConversionStanding> find(ReadOnlyWindowStore<Bytes, byte[]> ledger,
                                                    ReadOnlyWindowStore<Bytes, byte[]> history,
                                                    String programId, String conversionId) {
        try (WindowStoreIterator<byte[]> it = ledger.backwardFetch(SeenIds.key(programId, conversionId),
                Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
            if (!it.hasNext()) {
                return Optional.empty();
            }
            LedgerEntry entry = LedgerEntry.decode(it.next().value);
            return Optional.of(new ConversionStanding(entry.amount(), entry.commission(), entry.reversed(),
                    AdjustmentHistory.of(history, programId, conversionId)));
        }
    }
}
