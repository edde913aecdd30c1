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
import org.promoattribution.rule.ListClickLog;
import org.promoattribution.rule.TrackedClick;

/**
 * Each session's tracked clicks. A short session (at most {@code inlineMax} clicks) holds them in
 * its own entry ({@link SessionEntry}, in a cached store): a click is one cached write, which
 * reaches RocksDB and the changelog once a commit interval, however many clicks the session had in
 * it. A longer session keeps one click-history entry per click, keyed by (session, program,
 * timestamp, arrival), so that adding a click and finding the latest one in a time range each cost
 * one seek whatever the history's length; its entry then keeps the session's clock, its count and
 * the hashes of its clicks' ids, so that a click delivered again (SPEC rule 7: same program,
 * session and id) is found without reading the store. A session whose clicks have all left it holds
 * its clicks itself again. The entries of the sessions heard of last are also kept decoded
 * ({@link DecodedSessions}).
 */
public final class ClickHistoryStore {
    private final KeyValueStore<Bytes, byte[]> clicks;
    private final KeyValueStore<Bytes, byte[]> sessions;
    private final int inlineMax;
    private final DecodedSessions decoded = new DecodedSessions();
    private final SweepCursor sweepCursor = new SweepCursor();

    /** @param inlineMax the most clicks a session holds in its own entry (0: every click in the click history) */
    public ClickHistoryStore(KeyValueStore<Bytes, byte[]> clicks, KeyValueStore<Bytes, byte[]> sessions,
                             int inlineMax) {
        this.clicks = clicks;
        this.sessions = sessions;
        this.inlineMax = inlineMax;
    }

    /**
     * What one append did to the store: whether the click was a re-delivery of one held, whether
     * it was stored, and the clicks it pushed out.
     */
    public record Appended(boolean duplicate, boolean stored, int evictedByWindow, int evictedByBound) {
        static final Appended DUPLICATE = new Appended(true, false, 0, 0);
        static final Appended TOO_OLD = new Appended(false, false, 0, 0);
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
            state = SessionEntry.read(sessions.get(key), inlineMax > 0);
        }
        HeldClick arriving = new HeldClick(timestamp.toEpochMilli(), state.nextArrival, clickId, partnerId);
        long latest = Math.max(state.latestTimestamp, arriving.timestamp);
        long cutoff = latest - retention.toMillis();
        Appending appending = state.inline != null
                ? appendHeld(session, state, arriving, cutoff, latest, maxClicks, wallNowMs)
                : appendStored(session, state, arriving, cutoff, latest, maxClicks, wallNowMs);
        if (appending.appended.stored) {
            sessions.put(key, appending.entry.write());
        }
        decoded.keep(key, appending.entry);
        return appending.appended;
    }

    /** The entry after an append (unchanged unless the click was stored), and what the append did. */
    private record Appending(SessionEntry entry, Appended appended) {
    }

    /** {@link #append} to a session that holds its clicks itself. */
    private Appending appendHeld(SessionKey session, SessionEntry state, HeldClick arriving, long cutoff, long latest,
                                 int maxClicks, long wallNowMs) {
        for (HeldClick click : state.inline) {
            if (click.clickId.equals(arriving.clickId)) {
                return new Appending(state, Appended.DUPLICATE);
            }
        }
        if (arriving.timestamp < cutoff) {
            // too old to count for any conversion of the session still to come
            return new Appending(state, Appended.TOO_OLD);
        }
        List<HeldClick> held = new ArrayList<>(state.inline.size() + 1);
        int byWindow = 0;
        for (HeldClick click : state.inline) {
            if (click.timestamp < cutoff) {
                byWindow++;
            } else {
                held.add(click);
            }
        }
        List<HeldClick> overBound = overBound(held, atTheBound(held.size(), maxClicks), arriving);
        held.removeAll(overBound);
        held.add(insertionPoint(held, arriving), arriving);
        SessionEntry entry = held.size() > inlineMax ? moveToHistory(session, held, state, latest, wallNowMs)
                : SessionEntry.holding(held, state.nextArrival + 1, latest, wallNowMs);
        return new Appending(entry, new Appended(false, true, byWindow, overBound.size()));
    }

    /** {@link #append} to a session whose clicks are in the click history. */
    private Appending appendStored(SessionKey session, SessionEntry state, HeldClick arriving, long cutoff,
                                   long latest, int maxClicks, long wallNowMs) {
        if (!state.known) {
            state = withClicksRead(session, state); // an entry of an earlier layout: once per session
        }
        if (state.mayHold(SessionEntry.hash(arriving.clickId)) && holds(session, arriving.clickId)) {
            return new Appending(state, Appended.DUPLICATE);
        }
        if (arriving.timestamp < cutoff) {
            return new Appending(state, Appended.TOO_OLD);
        }
        if (inlineMax > 0 && (state.count == 0 || state.latestTimestamp < cutoff)) {
            // Every click it held has left its window: they go, and the session holds its clicks itself again.
            List<HeldClick> all = storedClicks(session);
            deleteAll(session, all);
            return new Appending(SessionEntry.holding(List.of(arriving), state.nextArrival + 1, latest, wallNowMs),
                    new Appended(false, true, all.size(), 0));
        }
        int[] hashes = state.idHashes;
        PartnerCounts partners = state.partners;
        int count = state.count;
        long oldest = state.oldestTimestamp;
        int byWindow = 0;
        int byBound = 0;
        if (oldest < cutoff || count >= maxClicks) {
            // One pass from the oldest click: those out of the window go; at the bound the rest is read.
            List<HeldClick> dropped = new ArrayList<>();
            List<HeldClick> inWindow = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> it = clicks.range(session.first(), session.last())) {
                while (it.hasNext()) {
                    KeyValue<Bytes, byte[]> kv = it.next();
                    HeldClick click = HeldClick.ofStored(kv.key, kv.value);
                    if (click.timestamp < cutoff) {
                        dropped.add(click);
                        byWindow++;
                    } else {
                        inWindow.add(click);
                        if (count - byWindow < maxClicks) {
                            break;
                        }
                    }
                }
            }
            List<HeldClick> overBound = overBound(inWindow, atTheBound(count - byWindow, maxClicks), arriving);
            byBound = overBound.size();
            dropped.addAll(overBound);
            inWindow.removeAll(overBound);
            oldest = inWindow.isEmpty() ? Long.MAX_VALUE : inWindow.get(0).timestamp;
            hashes = SessionEntry.without(hashes, deleteAll(session, dropped));
            dropped.forEach(click -> partners.count(click.partnerId, -1));
            count -= byWindow + byBound;
        }
        clicks.put(arriving.key(session), ClickEntry.encode(arriving.clickId, arriving.partnerId));
        hashes = SessionEntry.with(hashes, SessionEntry.hash(arriving.clickId));
        partners.count(arriving.partnerId, 1);
        SessionEntry entry = new SessionEntry(state.nextArrival + 1, count + 1, latest,
                Math.min(oldest, arriving.timestamp), wallNowMs, hashes, partners, true);
        return new Appending(entry, new Appended(false, true, byWindow, byBound));
    }

    /** How many of {@code held} clicks to forget before one more is added: down to 9/10 of the bound once at it. */
    private static int atTheBound(int held, int maxClicks) {
        // Down to 9/10 of the bound, not to one under it: a bot's endless clicks to one session
        // then cost the read of its clicks once every tenth of the bound, not on every click.
        return held >= maxClicks ? held - maxClicks * 9 / 10 : 0;
    }

    /** Where the arriving click goes among {@code held}, oldest first: it arrived last, so after every click of its time. */
    private static int insertionPoint(List<HeldClick> held, HeldClick arriving) {
        int at = held.size();
        while (at > 0 && held.get(at - 1).compareTo(arriving) > 0) {
            at--;
        }
        return at;
    }

    /** The session, grown past what its entry holds: each click to the click history, the entry keeping their hashes. */
    private SessionEntry moveToHistory(SessionKey session, List<HeldClick> held, SessionEntry state, long latest,
                                       long wallNowMs) {
        // A move whose entry write failed (the click went to the dead-letter topic, the partition went on)
        // left its clicks here while the entry still holds them: they go, or one never held would count.
        deleteAll(session, storedClicks(session));
        int[] hashes = new int[held.size()];
        PartnerCounts partners = new PartnerCounts();
        for (int i = 0; i < hashes.length; i++) {
            HeldClick click = held.get(i);
            clicks.put(click.key(session), ClickEntry.encode(click.clickId, click.partnerId));
            hashes[i] = SessionEntry.hash(click.clickId);
            partners.count(click.partnerId, 1);
        }
        return new SessionEntry(state.nextArrival + 1, held.size(), latest, held.get(0).timestamp, wallNowMs, hashes,
                partners, true);
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
        List<HeldClick> all = storedClicks(session);
        int[] hashes = new int[all.size()];
        PartnerCounts partners = new PartnerCounts();
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = SessionEntry.hash(all.get(i).clickId);
            partners.count(all.get(i).partnerId, 1);
        }
        return entry.withClicks(hashes, partners);
    }

    /**
     * The {@code excess} held clicks to forget at the bound, oldest first among those whose partner
     * has a later click kept (rule 4's IF_INVOLVED looks for any click of a partner, rule 2 for the
     * latest), then, while still over, the oldest of the rest. The arriving click counts as kept (it
     * is stored once the session has forgotten), never as one to forget.
     */
    private static List<HeldClick> overBound(List<HeldClick> inTimeOrder, int excess, HeldClick arriving) {
        if (excess <= 0) {
            return List.of();
        }
        Map<String, HeldClick> latestOfPartner = new HashMap<>();
        latestOfPartner.put(arriving.partnerId, arriving);
        for (HeldClick click : inTimeOrder) {
            latestOfPartner.merge(click.partnerId, click, (one, other) -> one.compareTo(other) >= 0 ? one : other);
        }
        List<HeldClick> over = new ArrayList<>(excess);
        for (HeldClick click : inTimeOrder) {
            if (over.size() < excess && latestOfPartner.get(click.partnerId) != click) {
                over.add(click);
            }
        }
        for (HeldClick click : inTimeOrder) {
            if (over.size() < excess && !over.contains(click)) {
                over.add(click);
            }
        }
        return over;
    }

    public ClickLog log(SessionKey session) {
        SessionEntry entry = decoded.get(session.prefixBytes());
        if (entry == null) {
            entry = SessionEntry.read(sessions.get(session.prefixBytes()), inlineMax > 0);
        }
        if (entry.inline != null) {
            List<TrackedClick> latestFirst = new ArrayList<>(entry.inline.size());
            for (int i = entry.inline.size() - 1; i >= 0; i--) {
                latestFirst.add(entry.inline.get(i).tracked());
            }
            return ListClickLog.ofLatestFirst(latestFirst);
        }
        return new StoreClickLog(session, entry);
    }

    /**
     * Visits up to {@code batch} sessions, continuing where the last sweep stopped, and deletes
     * those that have received no click for their program's retention in processing time: idle
     * sessions would otherwise stay forever. Returns the number of clicks deleted.
     */
    public int sweep(int batch, Function<String, Duration> retentionForProgram, long wallNowMs) {
        int deleted = 0;
        for (KeyValue<Bytes, byte[]> entry : sweepCursor.next(sessions, batch)) {
            SessionKey session = SessionKey.fromPrefix(entry.key.get());
            SessionEntry state = SessionEntry.read(entry.value, false);
            if (state.lastSeenWallMs == SessionEntry.UNKNOWN) {
                // Written by a version that did not keep it: the idle time counts from now.
                sessions.put(entry.key, state.seenAt(wallNowMs).write());
            } else if (wallNowMs - state.lastSeenWallMs > retentionForProgram.apply(session.programId()).toMillis()) {
                if (state.inline != null) {
                    deleted += state.inline.size();
                } else {
                    deleted += deleteAll(session, storedClicks(session)).length;
                }
                sessions.delete(entry.key);
                decoded.forget(entry.key);
            }
        }
        return deleted;
    }

    /** The session's clicks in the click history, oldest first. */
    private List<HeldClick> storedClicks(SessionKey session) {
        List<HeldClick> all = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = clicks.range(session.first(), session.last())) {
            it.forEachRemaining(kv -> all.add(HeldClick.ofStored(kv.key, kv.value)));
        }
        return all;
    }

    /** Deletes these clicks; returns the hashes of their ids. */
    private int[] deleteAll(SessionKey session, List<HeldClick> dropped) {
        int[] hashes = new int[dropped.size()];
        for (int i = 0; i < hashes.length; i++) {
            clicks.delete(dropped.get(i).key(session));
            hashes[i] = SessionEntry.hash(dropped.get(i).clickId);
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
