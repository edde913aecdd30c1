package org.promoattribution.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.promoattribution.rule.TrackedClick;

/** Reads a session's tracked clicks from the {@link StoreNames#CLICK_HISTORY} store, for interactive queries. */
public final class SessionClicks {
    /** One tracked click and its program. */
    public record Entry(String programId, String clickId, String partnerId, Instant timestamp) {
    }

    private SessionClicks() {
    }

    /**
     * The session's clicks in one program, or in every program when {@code programId} is null:
     * by program, then oldest first (ties in arrival order).
     */
    public static List<Entry> read(ReadOnlyKeyValueStore<Bytes, byte[]> store, String sessionId, String programId) {
        List<Entry> result = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = programId == null
                ? store.prefixScan(SessionKey.sessionPrefix(sessionId), new BytesSerializer())
                : store.range(SessionKey.of(sessionId, programId).first(), SessionKey.of(sessionId, programId).last())) {
            it.forEachRemaining(kv -> {
                TrackedClick click = ClickEntry.decode(kv.key, kv.value);
                result.add(new Entry(SessionKey.ofClickKey(kv.key).programId(), click.clickId(), click.partnerId(),
                        click.timestamp()));
            });
        }
        return result;
    }
}
