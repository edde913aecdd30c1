package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.regex;
import static org.promoattribution.testing.Fixtures.reversal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.UsageSettings;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.Reason;
import org.promoattribution.state.LedgerEntry;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.usage.UsageKey;

/** SPEC "Promo-code usage and leaks", driven through the whole topology. */
class UsageTopologyTest {
    private static final LocalDate JUNE_1 = LocalDate.parse("2026-06-01");
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    private static PromoCodeUsage figures(String promoCodeId, String partnerId, LocalDate day, long uses,
                                          long credited, long invalid, long withoutOwnerClick, boolean leaking) {
        return new PromoCodeUsage(promoCodeId, "acme", partnerId, day, uses, credited, invalid, withoutOwnerClick,
                leaking);
    }

    /** {@code n} orders with SUMMER10 on June 1st, each in a session of its own without any click. */
    private void usesWithoutOwnerClick(int n) {
        usesWithoutOwnerClick(n, 0);
    }

    private void usesWithoutOwnerClick(int n, int firstId) {
        for (int i = firstId; i < firstId + n; i++) {
            pipeline.conversions(conversion("away-" + i, "away-" + i, "2026-06-01T12:00:00Z", "SUMMER10"));
        }
    }

    /** {@code n} orders with SUMMER10 on June 1st, each after a click of the code's partner. */
    private void usesAfterOwnerClick(int n) {
        usesAfterOwnerClick(n, 0);
    }

    private void usesAfterOwnerClick(int n, int firstId) {
        for (int i = firstId; i < firstId + n; i++) {
            pipeline.clicks(click("c-" + i, "own-" + i, "blog", "2026-06-01T11:00:00Z"))
                    .conversions(conversion("own-" + i, "own-" + i, "2026-06-01T12:00:00Z", "SUMMER10"));
        }
    }

    private PromoCodeUsage latest() {
        List<PromoCodeUsage> usage = pipeline.usage();
        assertThat(usage).hasSize(1);
        return usage.get(0);
    }

    @Nested
    class Counting {
        @Test
        void creditedUseAfterTheOwnersClickCountsUseAndCredit() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10"));
            assertThat(pipeline.usage()).containsExactly(figures("pc-1", "blog", JUNE_1, 1, 1, 0, 0, false));
        }

        @Test
        void useWithoutAnyClickCountsWithoutOwnerClickAndNoCredit() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_INVOLVED))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.PROMO_CODE_POLICY_NOT_MET);
            assertThat(pipeline.usage()).containsExactly(figures("pc-1", "blog", JUNE_1, 1, 0, 0, 1, false));
        }

        @Test
        void invalidDecisionCountsInvalidOnEveryMatchedDefinition() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER),
                            exact("pc-2", "WINTER", "mag", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "coupons", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10", "WINTER"));
            assertThat(pipeline.decision().getOutcome()).isEqualTo(Outcome.INVALID);
            assertThat(pipeline.usage()).containsExactly(
                    figures("pc-1", "blog", JUNE_1, 1, 0, 1, 1, false),
                    figures("pc-2", "mag", JUNE_1, 1, 0, 1, 1, false));
        }

        @Test
        void onlyTheDefinitionTheDecisionCreditsCountsACredit() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER),
                            exact("pc-2", "WINTER", "mag", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "mag", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10", "WINTER"));
            assertThat(pipeline.decision().getPromoCodeId()).isEqualTo("pc-2");
            assertThat(pipeline.usage()).containsExactly(
                    figures("pc-1", "blog", JUNE_1, 1, 0, 0, 1, false),
                    figures("pc-2", "mag", JUNE_1, 1, 1, 0, 0, false));
        }

        @Test
        void ownerClickOutsideTheReferralWindowIsNoOwnerClick() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "blog", "2026-05-01T10:00:00Z"),
                            click("c2", "s1", "blog", "2026-06-01T10:06:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            assertThat(latest().getWithoutOwnerClick()).isEqualTo(1);
        }

        @Test
        void ownerClickThatDidNotWinStillCountsAsOwnerClick() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                            click("c2", "s1", "mag", "2026-06-01T10:01:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            assertThat(pipeline.usage()).containsExactly(figures("pc-1", "blog", JUNE_1, 1, 0, 1, 0, false));
        }

        @Test
        void adjustmentsDoNotChangeTheFigures() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "summer10"));
            assertThat(pipeline.usage()).containsExactly(figures("pc-1", "blog", JUNE_1, 1, 1, 0, 0, false));
            pipeline.adjustments(amountChange("a1", "o1", "2026-06-02T09:00:00Z", "0"),
                    reversal("a2", "o1", "2026-06-03T09:00:00Z"));
            assertThat(pipeline.adjustmentDecisions()).hasSize(2);
            assertThat(pipeline.usageUpdates()).isEmpty();
        }

        @Test
        void conversionWithoutMatchedCodesWritesNoFigures() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "UNKNOWN"),
                            conversion("o2", "s1", "2026-06-01T10:06:00Z"));
            assertThat(pipeline.decisions()).hasSize(2);
            assertThat(pipeline.usageUpdates()).isEmpty();
        }

        @Test
        void usesOfOneCommitIntervalWriteTheirNewFiguresOnce() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesWithoutOwnerClick(3);
            assertThat(pipeline.usageUpdates()).extracting(PromoCodeUsage::getUses).containsExactly(3L);
        }

        @Test
        void usesOfSuccessiveCommitIntervalsEachWriteTheNewFigures() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            List<Long> written = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pipeline.conversions(conversion("away-" + i, "away-" + i, "2026-06-01T12:00:00Z", "SUMMER10"));
                pipeline.usageUpdates().forEach(u -> written.add(u.getUses()));
            }
            assertThat(written).containsExactly(1L, 2L, 3L);
        }

        @Test
        void nothingIsWrittenBeforeACommitInterval() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesWithoutOwnerClick(2);
            pipeline.advanceWallClock(AttributionDriver.COMMIT_INTERVAL.minusMillis(1));
            assertThat(pipeline.usageUpdatesWithoutWaiting()).isEmpty();
        }

        @Test
        void rule7OrderDeliveredAgainIsCountedOnce() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"),
                            conversion("o1", "s2", "2026-06-01T10:05:00Z", "SUMMER10"));
            assertThat(pipeline.usageUpdates()).singleElement().extracting(PromoCodeUsage::getUses).isEqualTo(1L);
        }

        @Test
        void rule7OrderDecidedAgainUnderASessionOfAnotherPartitionIsCountedOnce() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            // The same order decided on another partition reaches the ledger with its own contribution.
            UsageContribution again = UsageContribution.oneUse(new UsageKey("pc-1", JUNE_1), "acme", "blog", false,
                    false, true, false);
            LedgerEntry entry = new LedgerEntry(Outcome.UNATTRIBUTED, null,
                    Instant.parse("2026-06-01T10:05:00Z").toEpochMilli(), null, false, null, null);
            pipeline.driver().createInputTopic("promo-attribution-decisions-by-conversion-repartition",
                            Serdes.String().serializer(), Serdes.ByteArray().serializer())
                    .pipeInput("o1", DecisionTransfer.encode("acme", entry, List.of(again), new byte[] {0}));
            assertThat(pipeline.usageUpdates()).singleElement().extracting(PromoCodeUsage::getUses).isEqualTo(1L);
        }
    }

    @Nested
    class DistinctDefinitions {
        @Test
        void twoTypedCodesMatchingOneDefinitionCountOneUse() {
            pipeline.codes(regex("pc-1", "SUMMER[0-9]+", "blog", CreditPolicy.IF_WINNER))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10", "SUMMER20"));
            assertThat(pipeline.usage()).containsExactly(figures("pc-1", "blog", JUNE_1, 1, 0, 0, 1, false));
        }

        @Test
        void twoDefinitionsMatchedByOneOrderEachCountAUse() {
            pipeline.codes(exact("pc-2", "SUMMER10", "blog", CreditPolicy.IF_WINNER),
                            exact("pc-1", "WINTER", "mag", CreditPolicy.IF_WINNER))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10", "WINTER"));
            assertThat(pipeline.usage()).extracting(PromoCodeUsage::getPromoCodeId, PromoCodeUsage::getUses)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("pc-1", 1L),
                            org.assertj.core.groups.Tuple.tuple("pc-2", 1L));
        }
    }

    @Nested
    class DaysInUtc {
        @Test
        void lastMillisecondOfADayAndMidnightAfterAreTwoDays() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .conversions(conversion("o1", "s1", "2026-06-01T23:59:59.999Z", "SUMMER10"),
                            conversion("o2", "s2", "2026-06-02T00:00:00Z", "SUMMER10"));
            assertThat(pipeline.usage()).extracting(PromoCodeUsage::getDay)
                    .containsExactly(JUNE_1, LocalDate.parse("2026-06-02"));
        }

        @Test
        void dayIsTheConversionsEventTimeNotItsClicksOrArrival() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .clicks(click("c1", "s1", "blog", "2026-05-31T23:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T00:30:00Z", "SUMMER10"));
            assertThat(latest().getDay()).isEqualTo(JUNE_1);
        }

        @Test
        void keyIsPromoCodeIdAndDay() {
            pipeline.codes(exact("pc|1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER10"));
            assertThat(pipeline.usageUpdates()).singleElement() // the driver checks the key against the value
                    .extracting(PromoCodeUsage::getPromoCodeId).isEqualTo("pc|1");
        }
    }

    @Nested
    class Leaks {
        @Test
        void tenUsesWithoutOwnerClickOfTenAreLeaking() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesWithoutOwnerClick(10);
            assertThat(latest().getLeaking()).isTrue();
        }

        @Test
        void nineUsesWithoutOwnerClickAreBelowTheMinimumAndNotLeaking() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesWithoutOwnerClick(9);
            assertThat(latest().getLeaking()).isFalse();
        }

        @Test
        void withoutOwnerClickAtHalfTheUsesIsLeaking() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesAfterOwnerClick(10);
            usesWithoutOwnerClick(10);
            assertThat(latest()).extracting(PromoCodeUsage::getUses, PromoCodeUsage::getWithoutOwnerClick,
                    PromoCodeUsage::getLeaking).containsExactly(20L, 10L, true);
        }

        @Test
        void withoutOwnerClickJustBelowHalfTheUsesIsNotLeaking() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesAfterOwnerClick(11);
            usesWithoutOwnerClick(10);
            assertThat(latest()).extracting(PromoCodeUsage::getUses, PromoCodeUsage::getWithoutOwnerClick,
                    PromoCodeUsage::getLeaking).containsExactly(21L, 10L, false);
        }

        @Test
        void leakStopsWhenOwnedUsesCatchUp() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            List<Boolean> leaking = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                if (i < 10) {
                    usesWithoutOwnerClick(1, i);
                } else {
                    usesAfterOwnerClick(1, i);
                }
                pipeline.usageUpdates().forEach(u -> leaking.add(u.getLeaking()));
            }
            assertThat(leaking).containsSubsequence(false, true, false).last().isEqualTo(false);
        }

        @Test
        void alwaysCodesNeverLeak() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS));
            usesWithoutOwnerClick(12);
            assertThat(latest()).extracting(PromoCodeUsage::getCredited, PromoCodeUsage::getWithoutOwnerClick,
                    PromoCodeUsage::getLeaking).containsExactly(12L, 12L, false);
        }

        @Test
        void thresholdsAreConfigurable() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings(UsageSettings.LEAK_MIN_USES, "2",
                    UsageSettings.LEAK_RATIO, "0.9"));
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesWithoutOwnerClick(2);
            assertThat(latest().getLeaking()).isTrue();
            usesAfterOwnerClick(1);
            assertThat(latest().getLeaking()).as("2 of 3 is below 0.9").isFalse();
        }

        @Test
        void aCodeBecomingLeakingCountsInItsProgramsMetric() {
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            usesWithoutOwnerClick(11);
            pipeline.usageUpdates();
            assertThat(pipeline.counter("attribution.codes.leaking", "programId", "acme")).isEqualTo(1);
        }
    }

    @Nested
    class Retention {
        @Test
        void useOfADayPastUsageRetentionIsNotCounted() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings(UsageSettings.RETENTION, "P2D"));
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
            List<PromoCodeUsage> written = new ArrayList<>();
            for (Conversion order : List.of(conversion("o1", "s1", "2026-06-01T10:00:00Z", "SUMMER10"),
                    conversion("o2", "s2", "2026-06-04T10:00:00Z", "SUMMER10"),
                    conversion("o3", "s3", "2026-06-01T11:00:00Z", "SUMMER10"),
                    conversion("o4", "s4", "2026-06-02T11:00:00Z", "SUMMER10"))) {
                pipeline.conversions(order);
                written.addAll(pipeline.usageUpdates());
            }
            assertThat(pipeline.decisions()).hasSize(4);
            assertThat(written).extracting(u -> u.getDay().toString(), PromoCodeUsage::getUses)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-06-01", 1L),
                            org.assertj.core.groups.Tuple.tuple("2026-06-04", 1L),
                            org.assertj.core.groups.Tuple.tuple("2026-06-02", 1L));
            assertThat(pipeline.counter("attribution.usage.expired")).isEqualTo(1);
        }

        @Test
        void expiredUsesAreCountedPerOrderEvenWhenSummed() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings(UsageSettings.RETENTION, "P2D"));
            pipeline.codes(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER))
                    .conversions(conversion("o1", "s1", "2026-06-04T10:00:00Z", "SUMMER10"));
            pipeline.usageUpdates();
            // Two orders of a day past retention in one commit interval: one sum, two uses not counted.
            pipeline.conversions(conversion("o2", "s2", "2026-06-01T10:00:00Z", "SUMMER10"),
                    conversion("o3", "s3", "2026-06-01T11:00:00Z", "SUMMER10"));
            assertThat(pipeline.usageUpdates()).isEmpty();
            assertThat(pipeline.counter("attribution.usage.expired")).isEqualTo(2);
        }

        @Test
        void daysOfOneCommitIntervalAreCountedOldestFirstWhateverTheirCodesIds() {
            pipeline.close();
            pipeline = new AttributionDriver(AttributionDriver.settings(UsageSettings.RETENTION, "P2D"));
            // pc-a sorts before pc-b: its later day must not move the figures' latest day before pc-b's
            // older days, which arrived first in the same interval, are counted
            pipeline.codes(exact("pc-b", "SPRING", "blog", CreditPolicy.IF_INVOLVED),
                            exact("pc-a", "SUMMER10", "blog", CreditPolicy.IF_INVOLVED))
                    .conversions(conversion("o1", "s1", "2026-03-01T10:00:00Z", "SPRING"),
                            conversion("o2", "s2", "2026-03-02T10:00:00Z", "SPRING"),
                            conversion("o3", "s3", "2026-06-01T10:00:00Z", "SUMMER10"));
            assertThat(pipeline.usage()).extracting(u -> u.getPromoCodeId() + " " + u.getDay() + " " + u.getUses())
                    .containsExactly("pc-a 2026-06-01 1", "pc-b 2026-03-01 1", "pc-b 2026-03-02 1");
            assertThat(pipeline.counter("attribution.usage.expired")).isZero();
        }
    }
}
