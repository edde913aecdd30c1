package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * each cost one seek whatever the history's length. A small per-session entry keeps the
 * arrival counter, the count (for the per-session bound), the oldest click time (so an append
 * looks for clicks to drop only when there are some), the latest (the session's own clock:
 * SPEC "Time" keeps a click until the session's own latest event time has passed it by the
 * retention, whatever other sessions and programs do) and the wall-clock time of its last click
 * (for forgetting sessions idle that long in processing time). The ids of the clicks held are
 * kept too, keyed by (session, clickId), for SPEC rule 7: a point lookup, and an id leaves with
 * its click.
 */
public final class ClickHistoryStore {
    private static final byte[] HELD = new byte[0];
    private final KeyValueStore<Bytes, byte[]> clicks;
    private final KeyValueStore<Bytes, byte[]> sessions;
    private final KeyValueStore<Bytes, byte[]> clickIds;
    private Bytes sweepCursor;

    public ClickHistoryStore(KeyValueStore<Bytes, byte[]> clicks, KeyValueStore<Bytes, byte[]> sessions,
                      KeyValueStore<Bytes, byte[]> clickIds) {
        this.clicks = clicks;
        this.sessions = sessions;
        this.clickIds = clickIds;
    }

    /**
     * Whether the session holds a click with this id (SPEC rule 7). A click dropped from the
     * history is forgotten with it: delivered again, it is too old for the window or, past the
     * bound, the oldest again, and so dropped again.
     */
    public boolean holds(String sessionId, String clickId) {
        return clickIds.get(SessionKey.clickIdKey(sessionId, clickId)) != null;
    }

    /** What one append did to the store: whether the click was stored, and the clicks it pushed out. */
    public record Appended(boolean stored, int evictedByWindow, int evictedByBound) {
    }

    /**
     * Adds a click unless the session's own clock has already passed it by {@code retention},
     * then drops the session's clicks older than its latest time less {@code retention} and,
     * past {@code maxClicks}, the oldest of those whose partner has a later one, a tenth of the bound
     * more at once (see {@link #overBound}).
     * {@code wallNowMs} is when the session was last heard of.
     */
    public Appended append(SessionKey session, String clickId, String partnerId, Instant timestamp,
                    Duration retention, int maxClicks, long wallNowMs) {
        SessionState state = SessionState.read(sessions.get(session.prefixBytes()));
        long time = timestamp.toEpochMilli();
        long latest = Math.max(state.latestTimestamp, time);
        long cutoff = latest - retention.toMillis();
        if (time < cutoff) {
            return new Appended(false, 0, 0); // too old to count for any conversion of the session still to come
        }
        clicks.put(session.clickKey(time, state.nextArrival), ClickEntry.encode(clickId, partnerId));
        clickIds.put(SessionKey.clickIdKey(session.sessionId(), clickId), HELD);
        int count = state.count + 1;
        long oldest = Math.min(state.oldestTimestamp, time);
        int byWindow = 0;
        int byBound = 0;
        if (oldest < cutoff || count > maxClicks) {
            // One pass from the oldest click: those out of the window go; past the bound the rest is read.
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
                        if (count - byWindow <= maxClicks) {
                            break;
                        }
                    }
                }
            }
            int excess = count - byWindow - maxClicks;
            // Past the bound a tenth more goes at once: a bot's endless clicks to one session then
            // cost the read of its clicks once every tenth of the bound, not on every click.
            List<KeyValue<Bytes, byte[]>> overBound = overBound(inWindow, excess > 0 ? excess + maxClicks / 10 : 0);
            byBound = overBound.size();
            dropped.addAll(overBound);
            inWindow.removeAll(overBound);
            oldest = inWindow.isEmpty() ? Long.MAX_VALUE : SessionKey.timestampOf(inWindow.get(0).key);
            deleteAll(session, dropped);
            count -= byWindow + byBound;
        }
        sessions.put(session.prefixBytes(),
                new SessionState(state.nextArrival + 1, count, latest, oldest, wallNowMs).write());
        return new Appended(true, byWindow, byBound);
    }

    /**
     * The {@code excess} clicks to drop past the bound, oldest first among those whose partner has a
     * later click kept (rule 4's IF_INVOLVED looks for any click of a partner, rule 2 for the latest),
     * then, while still over, the oldest of the rest.
     */
    private static List<KeyValue<Bytes, byte[]>> overBound(List<KeyValue<Bytes, byte[]>> inTimeOrder, int excess) {
        if (excess <= 0) {
            return List.of();
        }
        Map<String, Integer> latestOfPartner = new HashMap<>();
        for (int i = 0; i < inTimeOrder.size(); i++) {
            latestOfPartner.put(ClickEntry.partnerIdOf(inTimeOrder.get(i).value), i);
        }
        List<KeyValue<Bytes, byte[]>> over = new ArrayList<>(excess);
        for (int i = 0; i < inTimeOrder.size() && over.size() < excess; i++) {
            if (latestOfPartner.get(ClickEntry.partnerIdOf(inTimeOrder.get(i).value)) != i) {
                over.add(inTimeOrder.get(i));
            }
        }
        for (int i = 0; i < inTimeOrder.size() && over.size() < excess; i++) {
            if (!over.contains(inTimeOrder.get(i))) {
                over.add(inTimeOrder.get(i));
            }
        }
        return over;
    }

    public ClickLog log(SessionKey session) {
        return new StoreClickLog(session);
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
            SessionState state = SessionState.read(entry.value);
            if (state.lastSeenWallMs == SessionState.UNKNOWN) {
                // Written by a version that did not keep it: the idle time counts from now.
                sessions.put(entry.key, state.seenAt(wallNowMs).write());
            } else if (wallNowMs - state.lastSeenWallMs > retentionForProgram.apply(session.programId()).toMillis()) {
                List<KeyValue<Bytes, byte[]>> all = new ArrayList<>();
                try (KeyValueIterator<Bytes, byte[]> it = clicks.range(session.first(), session.last())) {
                    it.forEachRemaining(all::add);
                }
                deleted += deleteAll(session, all);
                sessions.delete(entry.key);
            }
        }
        return deleted;
    }

    /** Deletes these clicks of the session, and their ids with them. */
    private int deleteAll(SessionKey session, List<KeyValue<Bytes, byte[]>> dropped) {
        for (KeyValue<Bytes, byte[]> kv : dropped) {
            clicks.delete(kv.key);
            clickIds.delete(SessionKey.clickIdKey(session.sessionId(), ClickEntry.clickIdOf(kv.value)));
        }
        return dropped.size();
    }

    /** The click log of one session, read lazily from the newest click backwards. */
    private final class StoreClickLog implements ClickLog {
        private final SessionKey session;

        StoreClickLog(SessionKey session) {
            this.session = session;
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

    /** The per-session entry; the two shorter layouts of earlier versions are still read. */
    private record SessionState(long nextArrival, int count, long latestTimestamp, long oldestTimestamp,
                                long lastSeenWallMs) {
        static final long UNKNOWN = Long.MIN_VALUE;
        /** Entries written before the oldest time was kept: unknown, so the next append looks. */
        private static final int WITHOUT_OLDEST = Long.BYTES * 2 + Integer.BYTES;
        private static final int WITHOUT_LAST_SEEN = WITHOUT_OLDEST + Long.BYTES;

        static SessionState read(byte[] bytes) {
            if (bytes == null) {
                return new SessionState(0, 0, Long.MIN_VALUE, Long.MAX_VALUE, UNKNOWN);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new SessionState(buffer.getLong(), buffer.getInt(), buffer.getLong(),
                    bytes.length == WITHOUT_OLDEST ? Long.MIN_VALUE : buffer.getLong(),
                    bytes.length <= WITHOUT_LAST_SEEN ? UNKNOWN : buffer.getLong());
        }

        SessionState seenAt(long wallMs) {
            return new SessionState(nextArrival, count, latestTimestamp, oldestTimestamp, wallMs);
        }

        byte[] write() {
            return ByteBuffer.allocate(WITHOUT_LAST_SEEN + Long.BYTES).putLong(nextArrival).putInt(count)
                    .putLong(latestTimestamp).putLong(oldestTimestamp).putLong(lastSeenWallMs).array();
        }
    }
}
