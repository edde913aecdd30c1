package org.promoattribution.explain;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.promoattribution.json.PipelineJson;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.state.SeenIds;

/**
 * The adjustments decided for a conversion, for explain: per (programId, conversionId), in the
 * order decided, the last {@link #MAX_ENTRIES} only, kept for explain.retention after the latest.
 * A store of its own, written beside the decision ledger, so that the ledger's entry stays a few
 * bytes per decided order (most orders are never adjusted). One list per conversion, as JSON like
 * the explanations; each new list replaces the previous one, stamped with the wall clock.
 */
public final class AdjustmentHistory {
    /** Adjustments kept per conversion: the latest ones, enough to read how its amount came to be. */
    public static final int MAX_ENTRIES = 20;
    private static final TypeReference<List<Entry>> LIST = new TypeReference<>() {
    };
    private final WindowStore<Bytes, byte[]> store;

    /**
     * One adjustment decision as explain shows it; the kind is the adjustment's, which a rejection does not
     * tell. Entries kept before commissions existed read with null commissions.
     */
    public record Entry(
            String adjustmentId,
            AdjustmentKind kind,
            AdjustmentStatus status,
            AdjustmentReason reason,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal previousAmount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            Instant decidedAt,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal previousCommission,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal commission) {

        static Entry of(ConversionAdjustment adjustment, AdjustmentDecision decision) {
            return new Entry(decision.getAdjustmentId(), adjustment.getKind(), decision.getStatus(),
                    decision.getReason(), decision.getPreviousAmount(), decision.getAmount(), decision.getDecidedAt(),
                    decision.getPreviousCommission(), decision.getCommission());
        }
    }

    public AdjustmentHistory(WindowStore<Bytes, byte[]> store) {
        this.store = store;
    }

    public void add(ConversionAdjustment adjustment, AdjustmentDecision decision, long nowMs) {
        Bytes conversion = SeenIds.key(decision.getProgramId(), decision.getConversionId());
        List<Entry> entries = new ArrayList<>();
        try (WindowStoreIterator<byte[]> it = store.backwardFetch(conversion, 0, Long.MAX_VALUE)) {
            if (it.hasNext()) {
                KeyValue<Long, byte[]> latest = it.next();
                entries.addAll(decode(latest.value));
                store.put(conversion, null, latest.key); // replaced below: one list per conversion
            }
        }
        entries.add(Entry.of(adjustment, decision));
        if (entries.size() > MAX_ENTRIES) {
            entries.subList(0, entries.size() - MAX_ENTRIES).clear();
        }
        store.put(conversion, encode(entries), nowMs);
    }

    /** The adjustments of a conversion, oldest first; none when it has none within explain.retention. */
    public static List<Entry> of(ReadOnlyWindowStore<Bytes, byte[]> store, String programId, String conversionId) {
        try (WindowStoreIterator<byte[]> it = store.backwardFetch(SeenIds.key(programId, conversionId),
                Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return it.hasNext() ? decode(it.next().value) : List.of();
        }
    }

    private static byte[] encode(List<Entry> entries) {
        try {
            return PipelineJson.mapper().writeValueAsBytes(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry> decode(byte[] json) {
        try {
            return PipelineJson.mapper().readValue(json, LIST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
