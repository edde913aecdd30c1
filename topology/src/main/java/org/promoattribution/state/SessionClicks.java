package org.promoattribution.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a session's tracked clicks, for interactive queries: from the {@link StoreNames#CLICK_SESSIONS}
 * entries of a short session, which hold them, or the {@link StoreNames#CLICK_HISTORY} store.
 */
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
    public static Page page(ReadOnlyKeyValueStore<Bytes, byte[]> sessions, ReadOnlyKeyValueStore<Bytes, byte[]> clicks,
                            String sessionId, String programId, String cursor, int limit) {
        Bytes scope = programId == null ? SessionKey.sessionPrefix(sessionId)
                : SessionKey.of(sessionId, programId).prefixBytes();
        Bytes from = cursor == null ? scope : after(clickKey(cursor, scope));
        List<Entry> page = new ArrayList<>();
        Bytes last = null;
        // The keys of a scope sort between its prefix and the prefix incremented, which no key equals;
        // a session entry's key is the prefix of its clicks' keys, so entries come in their clicks' order.
        try (KeyValueIterator<Bytes, byte[]> entries = sessions.range(scope, Bytes.increment(scope))) {
            while (entries.hasNext()) {
                KeyValue<Bytes, byte[]> kv = entries.next();
                SessionKey session = SessionKey.fromPrefix(kv.key.get());
                SessionEntry entry = SessionEntry.read(kv.value, false);
                List<HeldClick> held = entry.inline != null ? entry.inline
                        : stored(clicks, session, from, limit - page.size() + 1);
                for (HeldClick click : held) {
                    Bytes key = click.key(session);
                    if (key.compareTo(from) < 0) {
                        continue;
                    }
                    if (page.size() == limit) {
                        return new Page(page, Base64.getUrlEncoder().withoutPadding().encodeToString(last.get()));
                    }
                    page.add(new Entry(session.programId(), click.clickId, click.partnerId,
                            Instant.ofEpochMilli(click.timestamp)));
                    last = key;
                }
            }
        }
        return new Page(page, null);
    }

    /** Up to {@code most} of the session's clicks in the click history, from the key {@code from} on. */
    private static List<HeldClick> stored(ReadOnlyKeyValueStore<Bytes, byte[]> clicks, SessionKey session, Bytes from,
                                          int most) {
        Bytes first = session.first();
        List<HeldClick> held = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = clicks.range(from.compareTo(first) > 0 ? from : first,
                session.last())) {
            while (it.hasNext() && held.size() < most) {
                KeyValue<Bytes, byte[]> kv = it.next();
                held.add(HeldClick.ofStored(kv.key, kv.value));
            }
        }
        return held;
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
