package org.promoattribution.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * What this instance did over the last {@link #HOURS} hours of wall-clock time, for the overview
 * page: decisions per outcome per hour, credited orders per partner, dead letters by reason and
 * the latest few. Memory is bounded: one bucket per hour, at most {@link #MAX_PARTNERS} partners
 * per bucket (the rest count as {@link #OTHER_PARTNERS}), {@link #MAX_RECENT_DEAD_LETTERS} dead
 * letters kept. It starts empty with the instance; stream threads write, HTTP threads read.
 */
public final class RecentActivity {
    public static final int HOURS = 24;
    static final int MAX_PARTNERS = 1000;
    static final int MAX_RECENT_DEAD_LETTERS = 20;
    public static final String OTHER_PARTNERS = "(other partners)";
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();

    private final Bucket[] buckets = new Bucket[HOURS];
    private final ArrayDeque<DeadLetter> recentDeadLetters = new ArrayDeque<>();

    /** One dead letter as the overview lists it. */
    public record DeadLetter(Instant at, String topic, DeadLetterReason reason) {
    }

    /** Decisions per outcome in the hour starting at {@code hour}. */
    public record Hour(Instant hour, Map<Outcome, Long> decisions) {
    }

    /** What the overview shows, at one moment. */
    public record Snapshot(List<Hour> hours, Map<String, Long> creditedByPartner, Map<DeadLetterReason, Long> deadLetters,
                           List<DeadLetter> recentDeadLetters) {
        /** The partners with the most credited orders, most first. */
        public List<Map.Entry<String, Long>> topPartners(int limit) {
            return creditedByPartner.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).toList();
        }
    }

    private static final class Bucket {
        final long hour;
        final Map<Outcome, Long> decisions = new EnumMap<>(Outcome.class);
        final Map<String, Long> credited = new HashMap<>();
        final Map<DeadLetterReason, Long> deadLetters = new EnumMap<>(DeadLetterReason.class);

        Bucket(long hour) {
            this.hour = hour;
        }
    }

    synchronized void decision(Outcome outcome, String partnerId, long wallMs) {
        Bucket bucket = bucket(wallMs);
        bucket.decisions.merge(outcome, 1L, Long::sum);
        if (outcome == Outcome.CREDITED) {
            String partner = bucket.credited.containsKey(partnerId) || bucket.credited.size() < MAX_PARTNERS
                    ? partnerId : OTHER_PARTNERS;
            bucket.credited.merge(partner, 1L, Long::sum);
        }
    }

    synchronized void deadLetter(String topic, DeadLetterReason reason, long wallMs) {
        bucket(wallMs).deadLetters.merge(reason, 1L, Long::sum);
        recentDeadLetters.addFirst(new DeadLetter(Instant.ofEpochMilli(wallMs), topic, reason));
        if (recentDeadLetters.size() > MAX_RECENT_DEAD_LETTERS) {
            recentDeadLetters.removeLast();
        }
    }

    /** The last {@link #HOURS} hours up to {@code wallMs}, oldest hour first. */
    public synchronized Snapshot snapshot(long wallMs) {
        long current = wallMs / HOUR_MS;
        List<Hour> hours = new ArrayList<>(HOURS);
        Map<String, Long> credited = new HashMap<>();
        Map<DeadLetterReason, Long> deadLetters = new TreeMap<>(Comparator.comparing(DeadLetterReason::name));
        for (long hour = current - HOURS + 1; hour <= current; hour++) {
            Bucket bucket = buckets[(int) Math.floorMod(hour, HOURS)];
            boolean live = bucket != null && bucket.hour == hour;
            hours.add(new Hour(Instant.ofEpochMilli(hour * HOUR_MS),
                    live ? Map.copyOf(bucket.decisions) : Map.of()));
            if (live) {
                bucket.credited.forEach((partner, n) -> credited.merge(partner, n, Long::sum));
                bucket.deadLetters.forEach((reason, n) -> deadLetters.merge(reason, n, Long::sum));
            }
        }
        long oldest = (current - HOURS + 1) * HOUR_MS;
        List<DeadLetter> recent = recentDeadLetters.stream().filter(d -> d.at().toEpochMilli() >= oldest).toList();
        return new Snapshot(hours, credited, deadLetters, recent);
    }

    private Bucket bucket(long wallMs) {
        long hour = wallMs / HOUR_MS;
        int slot = (int) Math.floorMod(hour, HOURS);
        if (buckets[slot] == null || buckets[slot].hour != hour) {
            buckets[slot] = new Bucket(hour);
        }
        return buckets[slot];
    }
}
