package org.promoattribution.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.rule.ClickLog;
import org.promoattribution.rule.TrackedClick;

/**
 * Each session's tracked clicks, one store entry per click keyed by (session, program,
 * timestamp, arrival), so that adding a click and finding the latest one in a time range
 * each cost one seek whatever the history's length. A small per-session entry
 * ({@link SessionEntry}, in a cached store) keeps the session's clock, its count and the hashes of
 * its clicks' ids: a click costs one RocksDB write (the click) and one cached update, and a click
 * delivered again (SPEC rule 7: same program, session and id) is found without reading the store.
 * The entries of the sessions heard of last are also kept decoded ({@link DecodedSessions}).
 */
public final class ClickHistoryStore {
    private final KeyValueStore<Bytes, byte[]> clicks;
    private final KeyValueStore<Bytes, byte[]> sessions;
    private final DecodedSessions decoded = new DecodedSessions();
    private Bytes sweepCursor;

    public ClickHistoryStore(KeyValueStore<Bytes, byte[]> clicks, KeyValueStore<Bytes, byte[]> sessions) {
        this.clicks = clicks;
        this.sessions = sessions;
    }

    /**
     * What one append did to the store: whether the click was a re-delivery of one held, whether
     * it was stored, and the clicks it pushed out.
     */
    public record Appended(boolean duplicate, boolean stored, int evictedByWindow, int evictedByBound) {
        static final Appended DUPLICATE = new Appended(true, false, 0, 0);
    }

    /**
     * Adds a click unless the session holds one of that id (SPEC rule 7; a click dropped from the
     * history is forgotten with it: delivered again, it is too old for the window or, past the bound,
     * the oldest again, and so dropped again) or the session's own clock has already passed it by
     * {@code retention}; then drops the session's clicks older than its latest time less
     * {@code retention} and, when it holds {@code maxClicks}, first forgets down to 9/10 of them the
     * oldest of those whose partner has a later one kept (see {@link #overBound}).
     * {@code wallNowMs} is when the session was last heard of.
     */
    public Appended append(SessionKey session, String clickId, String partnerId, Instant timestamp,
                    Duration retention, int maxClicks, long wallNowMs) {
        Bytes key = session.prefixBytes();
        // Taken out while it changes (its partner counts change in place): should a write below fail,
        // the next click reads the entry from the store, which is the truth.
        SessionEntry state = decoded.take(key);
        if (state == null) {
            state = SessionEntry.read(sessions.get(key));
        }
        if (!state.known) {
            state = withClicksRead(session, state); // an entry of an earlier layout: once per session
        }
        int idHash = SessionEntry.hash(clickId);
        if (state.mayHold(idHash) && holds(session, clickId)) {
            decoded.keep(key, state);
            return Appended.DUPLICATE;
        }
        long time = timestamp.toEpochMilli();
        long latest = Math.max(state.latestTimestamp, time);
        long cutoff = latest - retention.toMillis();
        if (time < cutoff) {
            decoded.keep(key, state);
            return new Appended(false, false, 0, 0); // too old to count for any conversion of the session still to come
        }
        Bytes arrivingKey = session.clickKey(time, state.nextArrival);
        // SPEC "Limits": a session that holds the bound first forgets down to 9/10 of it, among the
        // clicks it holds; the arriving click is stored after, so it is never forgotten for itself.
        int[] hashes = state.idHashes;
        PartnerCounts partners = state.partners;
        int count = state.count;
        long oldest = state.oldestTimestamp;
        int byWindow = 0;
        int byBound = 0;
        if (oldest < cutoff || count >= maxClicks) {
            // One pass from the oldest click: those out of the window go; at the bound the rest is read.
            List<KeyValue<Bytes, byte[]>> dropped = new ArrayList<>();
            List<KeyValue<Bytes, byte[]>> inWindow = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> it = clicks.range(session.first(), session.last())) {
                while (it.hasNext()) {
                    KeyValue<Bytes, byte[]> kv = it.next();
                    if (SessionKey.timestampOf(kv.key) < cutoff) {
                        dropped.add(kv);
                        byWindow++;
                    } else {
                        inWindow.add(kv);
                        if (count - byWindow < maxClicks) {
                            break;
                        }
                    }
                }
            }
            int held = count - byWindow;
            // Down to 9/10 of the bound, not to one under it: a bot's endless clicks to one session
            // then cost the read of its clicks once every tenth of the bound, not on every click.
            List<KeyValue<Bytes, byte[]>> overBound = overBound(inWindow,
                    held >= maxClicks ? held - maxClicks * 9 / 10 : 0, arrivingKey, partnerId);
            byBound = overBound.size();
            dropped.addAll(overBound);
            inWindow.removeAll(overBound);
            oldest = inWindow.isEmpty() ? Long.MAX_VALUE : SessionKey.timestampOf(inWindow.get(0).key);
            hashes = SessionEntry.without(hashes, deleteAll(dropped));
            dropped.forEach(kv -> partners.count(ClickEntry.partnerIdOf(kv.value), -1));
            count -= byWindow + byBound;
        }
        clicks.put(arrivingKey, ClickEntry.encode(clickId, partnerId));
        hashes = SessionEntry.with(hashes, idHash);
        partners.count(partnerId, 1);
        count++;
        oldest = Math.min(oldest, time);
        SessionEntry updated = new SessionEntry(state.nextArrival + 1, count, latest, oldest, wallNowMs, hashes,
                partners, true);
        sessions.put(key, updated.write());
        decoded.keep(key, updated);
        return new Appended(false, true, byWindow, byBound);
    }

    /** Whether the session holds a click of this id: read only when its hash is held, so rarely. */
    private boolean holds(SessionKey session, String clickId) {
        try (KeyValueIterator<Bytes, byte[]> it = clicks.range(session.first(), session.last())) {
            while (it.hasNext()) {
                if (ClickEntry.clickIdOf(it.next().value).equals(clickId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The entry with the hashes and partners of the session's clicks, read from them. */
    private SessionEntry withClicksRead(SessionKey session, SessionEntry entry) {
        List<Integer> hashes = new ArrayList<>();
        PartnerCounts partners = new PartnerCounts();
        try (KeyValueIterator<Bytes, byte[]> it = clicks.range(session.first(), session.last())) {
            it.forEachRemaining(kv -> {
                hashes.add(SessionEntry.hash(ClickEntry.clickIdOf(kv.value)));
                partners.count(ClickEntry.partnerIdOf(kv.value), 1);
            });
        }
        return entry.withClicks(hashes.stream().mapToInt(Integer::intValue).toArray(), partners);
    }

    /**
     * The {@code excess} held clicks to forget at the bound, oldest first among those whose partner
     * has a later click kept (rule 4's IF_INVOLVED looks for any click of a partner, rule 2 for the
     * latest), then, while still over, the oldest of the rest. The arriving click counts as kept (it
     * is stored once the session has forgotten), never as one to forget.
     */
    private static List<KeyValue<Bytes, byte[]>> overBound(List<KeyValue<Bytes, byte[]>> inTimeOrder, int excess,
                                                           Bytes arrivingKey, String arrivingPartner) {
        if (excess <= 0) {
            return List.of();
        }
        Map<String, Bytes> latestOfPartner = new HashMap<>();
        latestOfPartner.put(arrivingPartner, arrivingKey);
        for (KeyValue<Bytes, byte[]> kv : inTimeOrder) {
            latestOfPartner.merge(ClickEntry.partnerIdOf(kv.value), kv.key,
                    (one, other) -> one.compareTo(other) >= 0 ? one : other); // keys sort by time, then arrival
        }
        List<KeyValue<Bytes, byte[]>> over = new ArrayList<>(excess);
        for (KeyValue<Bytes, byte[]> kv : inTimeOrder) {
            if (over.size() < excess && !latestOfPartner.get(ClickEntry.partnerIdOf(kv.value)).equals(kv.key)) {
                over.add(kv);
            }
        }
        for (KeyValue<Bytes, byte[]> kv : inTimeOrder) {
            if (over.size() < excess && !over.contains(kv)) {
                over.add(kv);
            }
        }
        return over;
    }

    public ClickLog log(SessionKey session) {
        SessionEntry entry = decoded.get(session.prefixBytes());
        return new StoreClickLog(session, entry != null ? entry : SessionEntry.read(sessions.get(session.prefixBytes())));
    }

    /**
     * Visits up to {@code batch} sessions, continuing where the last sweep stopped, and deletes
     * those that have received no click for their program's retention in processing time: idle
     * sessions would otherwise stay forever. Returns the number of clicks deleted.
     */
    public int sweep(int batch, Function<String, Duration> retentionForProgram, long wallNowMs) {
        List<KeyValue<Bytes, byte[]>> visited = new ArrayList<>(Math.min(batch, 1024));
        try (KeyValueIterator<Bytes, byte[]> it = sessions.range(sweepCursor, null)) {
            while (it.hasNext() && visited.size() < batch) {
                KeyValue<Bytes, byte[]> entry = it.next();
                if (!entry.key.equals(sweepCursor)) {
                    visited.add(entry);
                }
            }
            sweepCursor = it.hasNext() && !visited.isEmpty() ? visited.get(visited.size() - 1).key : null;
        }
        int deleted = 0;
        for (KeyValue<Bytes, byte[]> entry : visited) {
            SessionKey session = SessionKey.fromPrefix(entry.key.get());
            SessionEntry state = SessionEntry.read(entry.value);
            if (state.lastSeenWallMs == SessionEntry.UNKNOWN) {
                // Written by a version that did not keep it: the idle time counts from now.
                sessions.put(entry.key, state.seenAt(wallNowMs).write());
            } else if (wallNowMs - state.lastSeenWallMs > retentionForProgram.apply(session.programId()).toMillis()) {
                List<KeyValue<Bytes, byte[]>> all = new ArrayList<>();
                try (KeyValueIterator<Bytes, byte[]> it = clicks.range(session.first(), session.last())) {
                    it.forEachRemaining(all::add);
                }
                deleted += deleteAll(all).length;
                sessions.delete(entry.key);
                decoded.forget(entry.key);
            }
        }
        return deleted;
    }

    /** Deletes these clicks; returns the hashes of their ids. */
    private int[] deleteAll(List<KeyValue<Bytes, byte[]>> dropped) {
        int[] hashes = new int[dropped.size()];
        for (int i = 0; i < hashes.length; i++) {
            clicks.delete(dropped.get(i).key);
            hashes[i] = SessionEntry.hash(ClickEntry.clickIdOf(dropped.get(i).value));
        }
        return hashes;
    }

    /**
     * The click log of one session, read lazily from the newest click backwards; a partner the
     * session entry holds no click of is not looked for.
     */
    private final class StoreClickLog implements ClickLog {
        private final SessionKey session;
        private final SessionEntry entry;

        StoreClickLog(SessionKey session, SessionEntry entry) {
            this.session = session;
            this.entry = entry;
        }

        @Override
        public Optional<TrackedClick> latestOf(String partnerId, Instant from, Instant to) {
            return entry.mayHoldPartner(partnerId) ? ClickLog.super.latestOf(partnerId, from, to) : Optional.empty();
        }

        /** The store's key order, (timestamp, arrival), read backwards: SPEC rule 2's order. */
        @Override
        public Stream<TrackedClick> latestFirst(Instant from, Instant to) {
            if (from.isAfter(to)) {
                return Stream.empty();
            }
            KeyValueIterator<Bytes, byte[]> it = clicks.reverseRange(session.clickKey(from.toEpochMilli(), Long.MIN_VALUE),
                    session.clickKey(to.toEpochMilli(), Long.MAX_VALUE));
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                    .map(kv -> ClickEntry.decode(kv.key, kv.value))
                    .onClose(it::close);
        }
    }
}
