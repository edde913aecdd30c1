package org.promoattribution.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.promoattribution.rule.TrackedClick;

/** Reads a session's tracked clicks from the {@link StoreNames#CLICK_HISTORY} store, for interactive queries. */
public final class SessionClicks {
    /** One tracked click and its program. */
    public record Entry(String programId, String clickId, String partnerId, Instant timestamp) {
    }

    /** Some of a session's clicks, and the cursor that reads the ones after them (null after the last). */
    public record Page(List<Entry> clicks, String next) {
    }

    private SessionClicks() {
    }

    /**
     * The session's clicks in one program, or in every program when {@code programId} is null: by
     * program, then oldest first (ties in arrival order); at most {@code limit} of them, after the click
     * that {@code cursor} (from a previous page, or null for the first) points at.
     *
     * @throws IllegalArgumentException when the cursor is not one of this session's (and program's)
     */
    public static Page page(ReadOnlyKeyValueStore<Bytes, byte[]> store, String sessionId, String programId,
                            String cursor, int limit) {
        Bytes scope = programId == null ? SessionKey.sessionPrefix(sessionId)
                : SessionKey.of(sessionId, programId).prefixBytes();
        Bytes from = cursor == null ? scope : after(clickKey(cursor, scope));
        // The keys of a scope sort between its prefix and the prefix incremented, which no click key equals.
        List<Entry> clicks = new ArrayList<>();
        Bytes last = null;
        try (KeyValueIterator<Bytes, byte[]> it = store.range(from, Bytes.increment(scope))) {
            while (it.hasNext() && clicks.size() < limit) {
                var kv = it.next();
                TrackedClick click = ClickEntry.decode(kv.key, kv.value);
                clicks.add(new Entry(SessionKey.ofClickKey(kv.key).programId(), click.clickId(), click.partnerId(),
                        click.timestamp()));
                last = kv.key;
            }
            return new Page(clicks, it.hasNext() ? Base64.getUrlEncoder().withoutPadding().encodeToString(last.get())
                    : null);
        }
    }

    private static Bytes clickKey(String cursor, Bytes scope) {
        IllegalArgumentException foreign = new IllegalArgumentException(
                "cursor " + cursor + " is not one of this session's clicks (take it from the previous page's next)");
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw foreign;
        }
        byte[] prefix = scope.get();
        if (key.length < prefix.length + SessionKey.SUFFIX_SIZE
                || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
            throw foreign;
        }
        return Bytes.wrap(key);
    }

    /** The smallest key greater than {@code key}. */
    private static Bytes after(Bytes key) {
        return Bytes.wrap(Arrays.copyOf(key.get(), key.get().length + 1));
    }
}
