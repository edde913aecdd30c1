package org.promoattribution.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.deadletter.DeadLetterReason;

/** The overview's rolling counters: the last 24 hours, in bounded memory. */
class RecentActivityTest {
    private static final long T0 = Instant.parse("2026-06-01T10:15:00Z").toEpochMilli();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private final RecentActivity recent = new RecentActivity();

    @Test
    void decisionsCountPerOutcomeInTheirHourOldestHourFirst() {
        recent.decision(Outcome.CREDITED, "blog", T0);
        recent.decision(Outcome.INVALID, "news", T0 + HOUR);
        recent.decision(Outcome.CREDITED, "blog", T0 + HOUR);
        RecentActivity.Snapshot snapshot = recent.snapshot(T0 + HOUR);
        assertThat(snapshot.hours()).hasSize(RecentActivity.HOURS);
        assertThat(snapshot.hours().get(23).hour()).isEqualTo(Instant.parse("2026-06-01T11:00:00Z"));
        assertThat(snapshot.hours().get(23).decisions()).isEqualTo(Map.of(Outcome.CREDITED, 1L, Outcome.INVALID, 1L));
        assertThat(snapshot.hours().get(22).decisions()).isEqualTo(Map.of(Outcome.CREDITED, 1L));
        assertThat(snapshot.topPartners(10)).containsExactly(Map.entry("blog", 2L));
    }

    @Test
    void hoursOlderThanADayAreForgotten() {
        recent.decision(Outcome.CREDITED, "blog", T0);
        recent.deadLetter("clicks", DeadLetterReason.UNDECODABLE, T0);
        RecentActivity.Snapshot snapshot = recent.snapshot(T0 + 24 * HOUR);
        assertThat(snapshot.hours()).allMatch(h -> h.decisions().isEmpty());
        assertThat(snapshot.creditedByPartner()).isEmpty();
        assertThat(snapshot.deadLetters()).isEmpty();
        assertThat(snapshot.recentDeadLetters()).isEmpty();
    }

    @Test
    void partnersBeyondTheBoundCountTogether() {
        for (int i = 0; i < RecentActivity.MAX_PARTNERS + 5; i++) {
            recent.decision(Outcome.CREDITED, "partner-" + i, T0);
        }
        RecentActivity.Snapshot snapshot = recent.snapshot(T0);
        assertThat(snapshot.creditedByPartner()).hasSize(RecentActivity.MAX_PARTNERS + 1)
                .containsEntry(RecentActivity.OTHER_PARTNERS, 5L);
    }

    @Test
    void deadLettersCountByReasonAndTheLatestAreKeptNewestFirst() {
        for (int i = 0; i < RecentActivity.MAX_RECENT_DEAD_LETTERS + 3; i++) {
            recent.deadLetter("clicks", i == 0 ? DeadLetterReason.MISSING_FIELD : DeadLetterReason.UNDECODABLE, T0 + i);
        }
        RecentActivity.Snapshot snapshot = recent.snapshot(T0 + 100);
        assertThat(snapshot.deadLetters()).containsEntry(DeadLetterReason.MISSING_FIELD, 1L)
                .containsEntry(DeadLetterReason.UNDECODABLE, (long) RecentActivity.MAX_RECENT_DEAD_LETTERS + 2);
        assertThat(snapshot.recentDeadLetters()).hasSize(RecentActivity.MAX_RECENT_DEAD_LETTERS);
        assertThat(snapshot.recentDeadLetters().get(0).at().toEpochMilli())
                .isEqualTo(T0 + RecentActivity.MAX_RECENT_DEAD_LETTERS + 2);
    }
}
