package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Reason;
import org.promoattribution.state.ClickEntry;
import org.promoattribution.state.SessionClicks;
import org.promoattribution.state.SessionEntries;
import org.promoattribution.state.SessionKey;
import org.promoattribution.state.StoreNames;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.testing.Fixtures;

/** SPEC rules 7 to 9, the routing of records by session, and the bounds on stored clicks. */
class DeliveryTopologyTest {
    private AttributionDriver pipeline = new AttributionDriver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    /** The clicks held: in the click history, and in the entries of short sessions. */
    private long storedClicks() {
        KeyValueStore<Bytes, byte[]> store = pipeline.driver().getKeyValueStore(StoreNames.CLICK_HISTORY);
        return (store.approximateNumEntries() == 0 ? 0 : countAll(store))
                + SessionEntries.clicksHeldInEntries(pipeline.driver().getKeyValueStore(StoreNames.CLICK_SESSIONS));
    }

    private long heldClickIds() {
        return SessionEntries.heldClickIds(pipeline.driver().getKeyValueStore(StoreNames.CLICK_SESSIONS));
    }

    private static long countAll(KeyValueStore<Bytes, byte[]> store) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    @Nested
    class Rule7ExactlyOneDecision {
        @Test
        void conversionDeliveredAgainYieldsNoSecondDecision() {
            Conversion order = conversion("o1", "s1", "2026-06-01T10:05:00Z");
            pipeline.conversions(order, order);
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z")).conversions(order);
            assertThat(pipeline.decisions()).hasSize(1);
            assertThat(pipeline.counter("attribution.conversions.duplicate")).isEqualTo(2.0);
        }

        @Test
        void conversionWithoutSessionDeliveredAgainYieldsNoSecondDecision() {
            Conversion order = conversion("o1", null, "2026-06-01T10:05:00Z");
            pipeline.conversions(order, order);
            assertThat(pipeline.decisions()).hasSize(1);
        }

        @Test
        void anOrderReSentUnderAnotherSessionOrWithoutOneIsNotDecidedAgain() {
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"),
                    conversion("o1", "s2", "2026-06-01T10:05:00Z"),
                    conversion("o1", null, "2026-06-01T10:05:00Z"),
                    conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getSessionId).containsExactly("s1");
            assertThat(pipeline.counter("attribution.conversions.duplicate")).isEqualTo(3.0);
            assertThat(pipeline.counter("attribution.conversions.resent.other.session")).isEqualTo(2.0);
        }

        @Test
        void theSameConversionIdInAnotherProgramIsAnotherOrder() {
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"),
                    Fixtures.inProgram(conversion("o1", "s1", "2026-06-01T10:05:00Z"), "other-program"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getProgramId)
                    .containsExactly(Fixtures.PROGRAM, "other-program");
        }

        @Test
        void aReDeliveryIsRecognisedWhateverTheEventTimesOfOtherOrders() {
            pipeline = pipeline.replacedBy("dedup.retention", "P30D");
            Conversion order = conversion("o1", "s1", "2026-06-01T10:05:00Z");
            pipeline.conversions(order, conversion("o2", "s2", "2026-09-01T00:00:00Z"), order);
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getConversionId)
                    .containsExactly("o1", "o2");
        }

        @Test
        void aReDeliveryIsRememberedForTheDedupRetentionInProcessingTime() {
            // the decision ledger remembers written orders for adjustment.retention: past both, an order is new
            pipeline = pipeline.replacedBy("dedup.retention", "P1D", "adjustment.retention", "P1D");
            Conversion order = conversion("o1", "s1", "2026-06-01T10:05:00Z");
            pipeline.conversions(order);
            pipeline.advanceWallClock(Duration.ofHours(23));
            pipeline.conversions(order);
            assertThat(pipeline.decisions()).hasSize(1);
            pipeline.advanceWallClock(Duration.ofDays(2)); // past the retention, and the store's segments with it
            pipeline.conversions(conversion("o2", "s2", "2026-06-01T10:05:00Z"), order);
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getConversionId)
                    .containsExactly("o2", "o1");
        }

        @Test
        void clickDeliveredAgainIsStoredOnce() {
            // stored twice, the re-delivered c1 would be the later arrival and win the tie
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                            click("c2", "s1", "news", "2026-06-01T10:00:00Z"),
                            click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c2");
            assertThat(storedClicks()).isEqualTo(2);
            assertThat(pipeline.counter("attribution.clicks.duplicate")).isEqualTo(1.0);
        }

        @Test
        void theSameClickIdAndSessionInAnotherProgramIsAnotherClick() {
            Click click = click("c1", "s1", "blog", "2026-06-01T10:00:00Z");
            pipeline.clicks(click, Fixtures.inProgram(click, "other-program"))
                    .conversions(Fixtures.inProgram(conversion("o1", "s1", "2026-06-01T10:05:00Z"), "other-program"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getClickId()).isEqualTo("c1");
            assertThat(decision.getReason()).isEqualTo(Reason.LAST_CLICK);
            assertThat(storedClicks()).isEqualTo(2);
            assertThat(pipeline.counter("attribution.clicks.duplicate")).isZero();
        }
    }

    @Nested
    class Rule8LateClicks {
        @Test
        void withoutDelayAConversionIsDecidedOnArrival() {
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decisions()).hasSize(1);
        }

        @Test
        void lateClickThatHappenedBeforeTheConversionCountsWithinTheDelay() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:04:00Z"));
            assertThat(pipeline.decisions()).isEmpty();

            pipeline.clicks(click("c2", "s9", "news", "2026-06-01T10:15:00Z")); // event time reaches t + D
            assertThat(pipeline.decisions()).as("stream time has not passed t + D yet").isEmpty();
            pipeline.clicks(click("c3", "s1", "news", "2026-06-01T10:04:30Z"),
                    click("c4", "s9", "news", "2026-06-01T10:15:00.001Z")); // and passes it
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.LAST_CLICK);
            assertThat(decision.getClickId()).isEqualTo("c3");
        }

        @Test
        void theClickThatPassesTheDelayDoesNotMakeTheSessionForgetTheClicksOfItsWaitingConversion() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M", "referral.window.max", "P30D");
            pipeline.clicks(click("c0", "s1", "blog", "2026-05-01T10:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-05-01T10:05:00Z"));
            // a month later in the same session: past c0's retention (window max 30 days + 10 minutes + one day)
            pipeline.clicks(click("c1", "s1", "news", "2026-06-01T10:15:00.001Z"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.LAST_CLICK);
            assertThat(decision.getClickId()).isEqualTo("c0");
        }

        @Test
        void clickArrivingAfterTheDelayHasPassedDoesNotCount() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"))
                    .clicks(click("c2", "s9", "news", "2026-06-01T10:15:00.001Z"),
                            click("c1", "s1", "blog", "2026-06-01T10:04:00Z"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
        }

        @Test
        void waitingConversionsAreDecidedInDecisionTimeOrder() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.conversions(conversion("o2", "s2", "2026-06-01T10:06:00Z"),
                            conversion("o1", "s1", "2026-06-01T10:05:00Z"),
                            conversion("o3", "s3", "2026-06-01T10:30:00Z"))
                    .clicks(click("c", "s9", "news", "2026-06-01T10:20:00Z"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getConversionId)
                    .containsExactly("o1", "o2");
        }

        @Test
        void aConversionArrivingWhenStreamTimeIsAlreadyPastItsDecisionTimeIsDecidedOnArrival() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                    click("c9", "s9", "news", "2026-06-01T11:00:00Z"));
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
        }

        @Test
        void aConversionIsDecidedBeforeTheClickThatMovedStreamTimePastItIsStored() {
            // Under a bound of two clicks, storing c3 would forget c1, blog's only click before t
            pipeline = pipeline.replacedBy("decision.delay", "PT10M", "session.max.clicks", "2");
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                            click("c2", "s1", "news", "2026-06-01T10:01:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "BLOG"))
                    .clicks(click("c3", "s1", "coupons", "2026-06-01T10:15:00.001Z"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            assertThat(decision.getClickId()).isEqualTo("c1");
        }

        @Test
        void aConversionThatMovesStreamTimePastAnotherOnesDecisionTimeDecidesItAndWaitsItself() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"),
                    conversion("o2", "s2", "2026-06-01T10:15:00.001Z"));
            assertThat(pipeline.decision().getConversionId()).isEqualTo("o1");
        }

        @Test
        void waitingConversionsOfASilentPartitionAreDecidedAfterTheMaxWait() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M", "decision.max.wait", "PT1M");
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            pipeline.advanceWallClock(Duration.ofSeconds(30));
            assertThat(pipeline.decisions()).isEmpty();
            pipeline.advanceWallClock(Duration.ofSeconds(31));
            assertThat(pipeline.decision().getConversionId()).isEqualTo("o1");
        }
    }

    @Nested
    class Rule9CodeChanges {
        @Test
        void anUpdatedCodeAppliesToConversionsProcessedAfterIt() {
            pipeline.codes(exact("pc-1", "SUMMER", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER"))
                    .codes(exact("pc-1", "SUMMER", "news", CreditPolicy.ALWAYS))
                    .conversions(conversion("o2", "s2", "2026-06-01T10:05:00Z", "SUMMER"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getPartnerId).containsExactly("blog", "news");
        }

        @Test
        void aWaitingConversionSeesTheDefinitionsLiveWhenItIsDecided() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.codes(exact("pc-1", "SUMMER", "blog", CreditPolicy.ALWAYS), exact("pc-2", "OLD", "blog",
                            CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER", "OLD", "NEW"))
                    .codes(exact("pc-1", "SUMMER", "news", CreditPolicy.ALWAYS),
                            exact("pc-3", "NEW", "mag", CreditPolicy.ALWAYS))
                    .deleteCode("pc-2");
            assertThat(pipeline.decisions()).isEmpty();
            pipeline.clicks(click("c9", "s9", "news", "2026-06-01T10:15:00.001Z"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getPartnerId()).isEqualTo("news");
            assertThat(decision.getPromoCodeId()).isEqualTo("pc-1");
            assertThat(decision.getUnmatchedCodes()).containsExactly("OLD");
        }

        @Test
        void aWaitingConversionSeesADefinitionMadeInvalidAsItWas() {
            pipeline = pipeline.replacedBy("decision.delay", "PT10M");
            pipeline.codes(exact("pc-1", "SUMMER", "blog", CreditPolicy.ALWAYS))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER"))
                    .codes(org.promoattribution.testing.Fixtures.scheduled(
                            exact("pc-1", "SUMMER", "news", CreditPolicy.ALWAYS),
                            "2026-07-01T00:00:00Z", "2026-06-01T00:00:00Z"))
                    .clicks(click("c9", "s9", "news", "2026-06-01T10:15:00.001Z"));
            assertThat(pipeline.decision().getPartnerId()).isEqualTo("blog");
        }

        @Test
        void aTombstoneDeletesTheCode() {
            pipeline.codes(exact("pc-1", "SUMMER", "blog", CreditPolicy.ALWAYS))
                    .deleteCode("pc-1")
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
            assertThat(decision.getUnmatchedCodes()).containsExactly("SUMMER");
        }

        @Test
        void anInvalidUpdateGoesToTheDeadLetterTopicAndTheCodeStaysAsItWas() {
            pipeline.codes(exact("pc-1", "SUMMER", "blog", CreditPolicy.ALWAYS))
                    .codes(org.promoattribution.testing.Fixtures.scheduled(
                            exact("pc-1", "SUMMER", "news", CreditPolicy.ALWAYS),
                            "2026-07-01T00:00:00Z", "2026-06-01T00:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "SUMMER"));
            assertThat(pipeline.decision().getPartnerId()).isEqualTo("blog");
            assertThat(pipeline.deadLetters()).extracting(AttributionDriver::reason).containsExactly("INVALID_SCHEDULE");
        }
    }

    @Nested
    class RoutingBySession {
        @Test
        void clickKeyedByAnythingButItsSessionIsStillTrackedForThatSession() {
            pipeline.clickKeyed("not-the-session", click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .clickKeyed(null, click("c2", "s1", "news", "2026-06-01T09:00:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
            assertThat(storedClicks()).isEqualTo(2);
        }

        @Test
        void conversionKeyedByAnythingButItsSessionIsDecidedWithItsSession() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversionKeyed(null, conversion("o1", "s1", "2026-06-01T10:05:00Z"))
                    .conversionKeyed("o2", conversion("o2", "s1", "2026-06-01T10:06:00Z"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getClickId).containsExactly("c1", "c1");
        }

        @Test
        void conversionWithoutSessionIsDecidedUnderItsIdWithNoClicks() {
            pipeline.clicks(click("c1", "o1", "blog", "2026-06-01T10:00:00Z")) // a session named like the order
                    .conversionKeyed("whatever", conversion("o1", null, "2026-06-01T10:05:00Z"))
                    .conversionKeyed(null, conversion("o2", "", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getReason)
                    .containsExactly(Reason.NO_CLICK_NO_CODE, Reason.NO_CLICK_NO_CODE);
        }

        @Test
        void misroutedClicksAndConversionsShareOneReroutingTopic_theSessionTaskReadsThreePartitions() {
            // Kafka Streams formats a message for each empty partition of a task for every record it
            // processes: the session task must not read a rerouting topic per input (issue 23)
            assertThat(pipeline.topicsReadWith("attribution")).containsExactlyInAnyOrder("clicks", "conversions",
                    "misrouted-by-session-repartition"); // as described: less the application id
        }

        @Test
        void misroutedClicksAndConversionsInterleavedReachTheirSessionsAsTheirKind() {
            pipeline.clickKeyed("x", click("c1", "s1", "blog", "2026-06-01T10:00:00Z"))
                    .conversionKeyed("x", conversion("o1", "s2", "2026-06-01T10:01:00Z"))
                    .clickKeyed(null, click("c2", "s2", "news", "2026-06-01T10:00:00Z"))
                    .conversionKeyed(null, conversion("o2", "s1", "2026-06-01T10:01:00Z"))
                    .conversionKeyed("x", conversion("o3", "s2", "2026-06-01T10:02:00Z"));
            assertThat(pipeline.decisions()).extracting(AttributionDecision::getConversionId,
                            AttributionDecision::getClickId)
                    .containsExactlyInAnyOrder(tuple("o1", null), tuple("o2", "c1"), tuple("o3", "c2"));
            assertThat(pipeline.deadLetters()).isEmpty();
        }

        @Test
        void aReroutedRecordThatNoLongerDecodesGoesToTheDeadLetterTopicAsReceived() {
            byte[] click = pipeline.serialize(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"));
            ByteBuffer.wrap(click).putInt(1, 4242); // a schema id the registry does not have (any more)
            byte[] conversion = "not avro".getBytes(StandardCharsets.UTF_8);
            TestInputTopic<byte[], byte[]> rerouting = pipeline.driver().createInputTopic(
                    "promo-attribution-misrouted-by-session-repartition", new ByteArraySerializer(),
                    new ByteArraySerializer());
            rerouting.pipeInput("s1".getBytes(StandardCharsets.UTF_8), ReroutedEvent.CLICK.tag(click));
            rerouting.pipeInput("s1".getBytes(StandardCharsets.UTF_8), ReroutedEvent.CONVERSION.tag(conversion));
            assertThat(pipeline.deadLetters())
                    .extracting(AttributionDriver::reason, TestRecord::value)
                    .containsExactly(tuple("UNKNOWN_SCHEMA_ID", click), tuple("UNDECODABLE", conversion));
            assertThat(pipeline.counter("attribution.dead.letters", "topic",
                    "promo-attribution-misrouted-by-session-repartition", "reason", "UNDECODABLE")).isEqualTo(1.0);
        }
    }

    @Nested
    class BoundedHistory {
        /**
         * Under a bound of two clicks: c1 of blog, then c2 and c3 of the given partners, then an order
         * with blog's IF_INVOLVED code, decided once one click has gone.
         */
        private AttributionDecision blogCodeOrderAfterABlogClickAnd(String secondPartner, String thirdPartner) {
            pipeline = pipeline.replacedBy("session.max.clicks", "2");
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                            click("c2", "s1", secondPartner, "2026-06-01T09:10:00Z"),
                            click("c3", "s1", thirdPartner, "2026-06-01T09:20:00Z"))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "BLOG"));
            assertThat(storedClicks()).isEqualTo(2);
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "bound")).isEqualTo(1.0);
            return pipeline.decision();
        }

        @Test
        void atTheBoundATenthOfItGoesAtOnceSoTheNextClicksAddWithoutForgetting() {
            pipeline = pipeline.replacedBy("session.max.clicks", "20");
            for (int i = 0; i < 21; i++) {
                pipeline.clicks(click("c" + i, "s1", "blog", "2026-06-01T09:00:00Z".replace("09:00", "09:" + (10 + i))));
            }
            assertThat(storedClicks()).as("18, then the arriving click").isEqualTo(19);
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "bound")).isEqualTo(2.0);
            pipeline.clicks(click("c21", "s1", "blog", "2026-06-01T09:31:00Z"));
            assertThat(storedClicks()).isEqualTo(20);
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "bound")).isEqualTo(2.0);
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c21");
        }

        /** The ids of the clicks the session holds, oldest first. */
        private List<String> storedClickIds() {
            return SessionClicks.page(pipeline.driver().getKeyValueStore(StoreNames.CLICK_SESSIONS),
                            pipeline.driver().getKeyValueStore(StoreNames.CLICK_HISTORY), "s1", Fixtures.PROGRAM, null,
                            1000)
                    .clicks().stream().map(SessionClicks.Entry::clickId).toList();
        }

        /** Click c{minute} of session s1 by {@code partner} at 09:{minute}. */
        private void clickAt(int minute, String partner) {
            pipeline.clicks(click("c" + minute, "s1", partner, String.format("2026-06-01T09:%02d:00Z", minute)));
        }

        @Test
        void limits_aSessionHoldsAtMostTheBound() {
            pipeline = pipeline.replacedBy("session.max.clicks", "5");
            for (int minute = 1; minute <= 40; minute++) {
                clickAt(minute, minute % 3 == 0 ? "blog" : "p" + minute);
                assertThat(storedClicks()).isLessThanOrEqualTo(5);
            }
        }

        @Test
        void limits_atTheBoundTheSessionFirstForgetsUntilItHoldsNineTenthsOfIt_thenStoresTheClick() {
            pipeline = pipeline.replacedBy("session.max.clicks", "20");
            for (int minute = 1; minute <= 20; minute++) {
                clickAt(minute, "p" + minute);
            }
            assertThat(storedClicks()).isEqualTo(20);
            clickAt(21, "p21");
            assertThat(storedClicks()).as("18, then the arriving click").isEqualTo(19);
            assertThat(storedClickIds()).startsWith("c3").endsWith("c21");

            pipeline = pipeline.replacedBy("session.max.clicks", "15");
            for (int minute = 1; minute <= 16; minute++) {
                clickAt(minute, "p" + minute);
            }
            assertThat(storedClicks()).as("9/10 of 15 is 13.5: 13 held, then the arriving click").isEqualTo(14);
        }

        @Test
        void limits_elevenPartnersOneClickEachUnderABoundOfTen_onlyTheFirstIsForgotten() {
            pipeline = pipeline.replacedBy("session.max.clicks", "10");
            pipeline.codes(exact("pc-2", "P2CODE", "p2", CreditPolicy.IF_INVOLVED));
            for (int minute = 1; minute <= 11; minute++) {
                clickAt(minute, "p" + minute);
            }
            assertThat(storedClickIds()).containsExactly("c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11");
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "P2CODE"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            assertThat(decision.getClickId()).isEqualTo("c2");
        }

        @Test
        void limits_theArrivingClickIsNeverForgotten_aLateClickToAFullSessionIsKept() {
            pipeline = pipeline.replacedBy("session.max.clicks", "10");
            clickAt(2, "a"); // a's only click held, the oldest
            for (int minute = 3; minute <= 11; minute++) {
                clickAt(minute, "p" + minute);
            }
            clickAt(1, "a"); // late: older than every click held
            // every click held is its partner's latest (c1 is older than c2): the oldest, a's c2, goes; c1 is stored
            assertThat(storedClickIds()).containsExactly("c1", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11");
        }

        @Test
        void limits_eachTimeTheOldestClickWhosePartnerHasALaterClickKeptGoes() {
            pipeline = pipeline.replacedBy("session.max.clicks", "10");
            clickAt(1, "blog");
            clickAt(2, "news");
            clickAt(3, "mag");
            clickAt(4, "blog");
            clickAt(5, "news");
            for (int minute = 6; minute <= 12; minute++) {
                clickAt(minute, "p" + minute);
            }
            // c11 and c12 each find 10 held: blog's c1, then news's c2 go; mag's only click c3 stays, though oldest
            assertThat(storedClickIds()).containsExactly("c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12");
        }

        @Test
        void limits_whenEveryKeptClickIsItsPartnersOnlyOneTheOldestGoes() {
            pipeline = pipeline.replacedBy("session.max.clicks", "10");
            clickAt(1, "news");
            clickAt(2, "blog");
            clickAt(3, "blog");
            for (int minute = 4; minute <= 12; minute++) {
                clickAt(minute, "p" + minute);
            }
            // c11 finds 10 held: blog's c2 goes (blog has c3 later); c12: every click is its partner's only one, news's c1
            assertThat(storedClickIds()).containsExactly("c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12");
        }

        @Test
        void limits_ruleOneHoldsOnlyTheClicksKept_aPartnersLaterClickAfterTMakesItsClickBeforeTGo() {
            pipeline = pipeline.replacedBy("session.max.clicks", "2");
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                            click("c2", "s1", "news", "2026-06-01T10:01:00Z"),
                            click("c3", "s1", "blog", "2026-06-01T11:00:00Z")) // after the order's t
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "BLOG"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_OF_OTHER_PARTNER);
            assertThat(decision.getPartnerId()).isEqualTo("news");
        }

        @Test
        void pastTheBoundWithEveryClickItsPartnersLatestTheOldestIsDropped() {
            assertThat(blogCodeOrderAfterABlogClickAnd("news", "coupons").getReason())
                    .isEqualTo(Reason.PROMO_CODE_OF_OTHER_PARTNER);
        }

        @Test
        void pastTheBoundAPartnersOnlyClickStaysWhileAnotherPartnerHasLaterOnes() {
            AttributionDecision decision = blogCodeOrderAfterABlogClickAnd("news", "news");
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            assertThat(decision.getClickId()).isEqualTo("c1");
            pipeline.conversions(conversion("o2", "s1", "2026-06-01T10:06:00Z"));
            assertThat(pipeline.decision().getClickId()).as("the latest click still wins").isEqualTo("c3");
        }

        @Test
        void clicksOlderThanTheWindowAndGraceAreEvictedAsTheSessionGrows() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T00:00:00Z"),
                    click("c2", "s1", "blog", "2026-06-02T00:30:00Z"));
            assertThat(storedClicks()).isEqualTo(2);
            pipeline.clicks(click("c3", "s1", "blog", "2026-06-02T01:00:01Z"));
            assertThat(storedClicks()).isEqualTo(2);
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "window")).isEqualTo(1.0);
        }

        @Test
        void afterAnEvictionTheNextOldestClickIsEvictedInItsTurn() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T00:00:00Z"),
                    click("c2", "s1", "news", "2026-06-01T12:00:00Z"),
                    click("c3", "s1", "blog", "2026-06-02T01:00:01Z"));
            assertThat(storedClicks()).isEqualTo(2);
            pipeline.clicks(click("c4", "s1", "blog", "2026-06-02T13:00:00Z"));
            assertThat(storedClicks()).isEqualTo(3); // c2 is exactly 25 h old: still kept
            pipeline.clicks(click("c5", "s1", "blog", "2026-06-02T13:00:01Z"));
            assertThat(storedClicks()).isEqualTo(3);
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "window")).isEqualTo(2.0);
            pipeline.conversions(conversion("o1", "s1", "2026-06-02T13:00:02Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c5");
        }

        @Test
        void aSessionEntryFromBeforeTheOldestClickTimeWasKeptStillHasItsOldClicksEvicted() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H");
            SessionKey session = SessionKey.of("s1", Fixtures.PROGRAM);
            long old = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
            pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_HISTORY)
                    .put(session.clickKey(old, 0), ClickEntry.encode("c0", "blog"));
            // next arrival, count, latest click time: the entry as written before
            pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_SESSIONS).put(session.prefixBytes(),
                    ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES).putLong(1).putInt(1).putLong(old).array());
            pipeline.clicks(click("c1", "s1", "news", "2026-06-02T02:00:00Z"));
            assertThat(storedClicks()).isEqualTo(1);
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "window")).isEqualTo(1.0);
        }

        @Test
        void theIdsOfDroppedClicksGoWithThem() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H", "session.max.clicks", "2",
                    "state.sweep.interval", "PT1M");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T00:00:00Z"),
                    click("c2", "s1", "news", "2026-06-01T01:00:00Z"),
                    click("c3", "s1", "blog", "2026-06-01T02:00:00Z"), // past the bound: c1 goes
                    click("c4", "s2", "blog", "2026-06-02T02:30:00Z"),
                    click("c5", "s1", "news", "2026-06-02T02:30:00Z")); // c2 is out of s1's window now
            assertThat(storedClicks()).isEqualTo(3);
            assertThat(heldClickIds()).isEqualTo(3);
            pipeline.advanceWallClock(Duration.ofHours(25).plusMinutes(1));
            pipeline.clicks(click("c6", "s3", "blog", "2026-06-02T03:00:00Z"));
            pipeline.advanceWallClock(Duration.ofMinutes(1)); // s1 and s2 have been idle 25 h: swept
            assertThat(storedClicks()).isEqualTo(1);
            assertThat(heldClickIds()).isEqualTo(1);
        }

        @Test
        void aClickForgottenAtTheBoundIsStoredAgainWhenDeliveredAgain_untilItIsTooOld() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H", "session.max.clicks", "2");
            Click first = click("c1", "s1", "blog", "2026-06-01T00:00:00Z");
            pipeline.clicks(first,
                    click("c2", "s1", "blog", "2026-06-01T01:00:00Z"),
                    click("c3", "s1", "blog", "2026-06-01T02:00:00Z"), // at the bound: c1 goes
                    first); // no longer held: stored again, and c2 goes
            assertThat(storedClickIds()).containsExactly("c1", "c3");
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "bound")).isEqualTo(2.0);
            pipeline.clicks(click("c4", "s1", "news", "2026-06-02T03:00:00Z"), first); // now too old as well
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "window")).isEqualTo(2.0);
            pipeline.conversions(conversion("o1", "s1", "2026-06-02T03:00:01Z"));
            assertThat(storedClicks()).isEqualTo(2);
            assertThat(pipeline.decision().getPartnerId()).isEqualTo("news");
        }

        @Test
        void aSessionWrittenByThePreviousLayoutStillRecognisesItsClicksDeliveredAgain() {
            SessionKey session = SessionKey.of("s1", Fixtures.PROGRAM);
            long at = Instant.parse("2026-06-01T10:00:00Z").toEpochMilli();
            pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_HISTORY)
                    .put(session.clickKey(at, 0), ClickEntry.encode("c0", "blog"));
            // next arrival, count, latest, oldest and last-seen time, no id hashes: the previous version's
            // entry, whose click ids were in a store of their own (click-ids), no longer read
            pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_SESSIONS).put(session.prefixBytes(),
                    ByteBuffer.allocate(Long.BYTES * 4 + Integer.BYTES).putLong(1).putInt(1).putLong(at).putLong(at)
                            .putLong(0).array());
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED));
            // before the session's next click: its partners are not known yet, so blog's click is looked for
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "BLOG"));
            assertThat(pipeline.decision().getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            Click again = click("c0", "s1", "blog", "2026-06-01T10:00:00Z");
            pipeline.clicks(again, click("c1", "s1", "news", "2026-06-01T10:00:00Z"), again);
            assertThat(pipeline.counter("attribution.clicks.duplicate")).isEqualTo(2.0);
            assertThat(storedClicks()).isEqualTo(2);
            assertThat(heldClickIds()).isEqualTo(2);
            pipeline.conversions(conversion("o2", "s1", "2026-06-01T10:05:00Z", "BLOG"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            assertThat(decision.getClickId()).isEqualTo("c0");
        }

        @Test
        void aSessionEntryWithItsIdHashesAndPartnersAsThePreviousVersionWroteItIsRead() {
            SessionKey session = SessionKey.of("s1", Fixtures.PROGRAM);
            long at = Instant.parse("2026-06-01T10:00:00Z").toEpochMilli();
            var clicks = pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_HISTORY);
            clicks.put(session.clickKey(at, 0), ClickEntry.encode("c0", "blog"));
            clicks.put(session.clickKey(at, 1), ClickEntry.encode("c1", "news"));
            byte[] blog = "blog".getBytes(StandardCharsets.UTF_8);
            byte[] news = "news".getBytes(StandardCharsets.UTF_8);
            // next arrival, count, latest, oldest and last-seen time, each click id's hash, then the partners
            // with their counts: the layout the previous version wrote from a hash map
            pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_SESSIONS).put(session.prefixBytes(),
                    ByteBuffer.allocate(Long.BYTES * 4 + Integer.BYTES * 8 + blog.length + news.length)
                            .putLong(2).putInt(2).putLong(at).putLong(at).putLong(at)
                            .putInt("c0".hashCode()).putInt("c1".hashCode())
                            .putInt(2).putInt(news.length).put(news).putInt(1).putInt(blog.length).put(blog).putInt(1)
                            .array());
            pipeline.clicks(click("c1", "s1", "news", "2026-06-01T10:00:00Z"), // held: a duplicate
                    click("c2", "s1", "news", "2026-06-01T10:01:00Z"));
            assertThat(pipeline.counter("attribution.clicks.duplicate")).isEqualTo(1.0);
            assertThat(storedClicks()).isEqualTo(3);
            assertThat(heldClickIds()).isEqualTo(3);
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED))
                    .conversions(conversion("o1", "s1", "2026-06-01T10:05:00Z", "BLOG"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_INVOLVED);
            assertThat(decision.getClickId()).isEqualTo("c0");
        }

        @Test
        void aPartnerWhoseClicksHaveAllLeftTheSessionHasNoneThere() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H");
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED))
                    .clicks(click("c1", "s1", "blog", "2026-06-01T00:00:00Z"),
                            click("c2", "s1", "news", "2026-06-02T02:00:00Z")) // c1 out of the window: gone
                    .conversions(conversion("o1", "s1", "2026-06-01T00:05:00Z", "BLOG"));
            AttributionDecision decision = pipeline.decision();
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_POLICY_NOT_MET);
            pipeline.clicks(click("c3", "s1", "blog", "2026-06-02T02:10:00Z"))
                    .conversions(conversion("o2", "s1", "2026-06-02T02:15:00Z", "BLOG"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c3");
        }

        @Test
        void sessionsIdleForTheirRetentionInProcessingTimeAreForgottenWhole() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H", "state.sweep.interval", "PT1M");
            for (int i = 0; i < 50; i++) {
                pipeline.clicks(click("c" + i, "s" + i, "blog", "2026-06-01T00:00:00Z"));
            }
            pipeline.advanceWallClock(Duration.ofHours(24));
            pipeline.clicks(click("recent", "other", "blog", "2026-05-01T00:00:00Z"));
            assertThat(storedClicks()).isEqualTo(51);
            pipeline.advanceWallClock(Duration.ofHours(1).plusMinutes(1));
            assertThat(storedClicks()).isEqualTo(1);
        }

        @Test
        void aSessionForgottenWhenIdleStartsAfreshWhenClickedAgain() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H", "state.sweep.interval", "PT1M");
            Click first = click("c1", "s1", "blog", "2026-06-01T00:00:00Z");
            pipeline.clicks(first, click("c2", "s1", "news", "2026-06-01T00:01:00Z"));
            pipeline.advanceWallClock(Duration.ofHours(25).plusMinutes(1)); // idle 25 h: swept
            assertThat(storedClicks()).isZero();
            pipeline.clicks(first); // no longer held: stored again, in a session that holds nothing else
            assertThat(pipeline.counter("attribution.clicks.duplicate")).isZero();
            assertThat(storedClicks()).isEqualTo(1);
            assertThat(heldClickIds()).isEqualTo(1);
            pipeline.codes(exact("pc-1", "NEWS", "news", CreditPolicy.IF_INVOLVED))
                    .conversions(conversion("o1", "s1", "2026-06-01T00:05:00Z", "NEWS"));
            AttributionDecision decision = pipeline.decision(); // news's click went with the session
            assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_OF_OTHER_PARTNER);
            assertThat(decision.getClickId()).isEqualTo("c1");
        }

        @Test
        void aSessionEntryFromBeforeTheLastSeenTimeWasKeptIsForgottenOnlyAfterARetentionOfIdleness() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H", "state.sweep.interval", "PT1M");
            SessionKey session = SessionKey.of("s1", Fixtures.PROGRAM);
            long old = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
            pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_HISTORY)
                    .put(session.clickKey(old, 0), ClickEntry.encode("c0", "blog"));
            // next arrival, count, latest and oldest click time: the entry as the previous version wrote it
            pipeline.driver().<Bytes, byte[]>getKeyValueStore(StoreNames.CLICK_SESSIONS).put(session.prefixBytes(),
                    ByteBuffer.allocate(Long.BYTES * 3 + Integer.BYTES).putLong(1).putInt(1).putLong(old).putLong(old)
                            .array());
            pipeline.advanceWallClock(Duration.ofMinutes(1));
            assertThat(storedClicks()).isEqualTo(1);
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T01:00:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c0");
            pipeline.advanceWallClock(Duration.ofHours(25).plusMinutes(1));
            assertThat(storedClicks()).isZero();
        }

        @Test
        void storeStaysFlatOverALongRunOfSessions() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H", "state.sweep.interval", "PT1M");
            Instant start = Instant.parse("2026-06-01T00:00:00Z");
            long peak = 0;
            for (int day = 0; day < 20; day++) {
                for (int i = 0; i < 20; i++) {
                    Instant at = start.plus(Duration.ofDays(day)).plusSeconds(i * 60L);
                    pipeline.clicks(Click.newBuilder(
                            click("c" + day + "-" + i, "s" + day + "-" + i, "blog", "2026-06-01T00:00:00Z"))
                            .setTimestamp(at).build());
                }
                pipeline.advanceWallClock(Duration.ofDays(1));
                peak = Math.max(peak, storedClicks());
            }
            assertThat(peak).isLessThanOrEqualTo(3 * 20); // about two days' clicks, never twenty
        }
    }

    /** click.inline.max: a short session keeps its clicks in its own entry, a long one in the click history. */
    @Nested
    class ClicksHeldByTheirSession {
        private long clicksInTheClickHistory() {
            KeyValueStore<Bytes, byte[]> store = pipeline.driver().getKeyValueStore(StoreNames.CLICK_HISTORY);
            return store.approximateNumEntries() == 0 ? 0 : countAll(store);
        }

        @Test
        void aShortSessionsClicksAreHeldInItsEntry_theClickHistoryIsNotWritten() {
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                    click("c2", "s1", "news", "2026-06-01T09:05:00Z"),
                    click("c1", "s1", "blog", "2026-06-01T09:00:00Z")) // delivered again
                    .conversions(conversion("o1", "s1", "2026-06-01T10:00:00Z"));
            assertThat(clicksInTheClickHistory()).isZero();
            assertThat(storedClicks()).isEqualTo(2);
            assertThat(pipeline.counter("attribution.clicks.duplicate")).isEqualTo(1.0);
            assertThat(pipeline.decision().getClickId()).isEqualTo("c2");
        }

        @Test
        void aSessionGrowingPastTheInlineMaxMovesItsClicksToTheClickHistory_andIsDecidedAlike() {
            pipeline = pipeline.replacedBy("click.inline.max", "2");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                    click("c2", "s1", "news", "2026-06-01T09:05:00Z"));
            assertThat(clicksInTheClickHistory()).isZero();
            pipeline.clicks(click("c3", "s1", "shop", "2026-06-01T09:02:00Z"), // between the two, arriving last
                    click("c1", "s1", "blog", "2026-06-01T09:00:00Z"));
            assertThat(clicksInTheClickHistory()).isEqualTo(3);
            assertThat(SessionEntries.clicksHeldInEntries(pipeline.driver().getKeyValueStore(StoreNames.CLICK_SESSIONS)))
                    .isZero();
            assertThat(pipeline.counter("attribution.clicks.duplicate")).isEqualTo(1.0);
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T09:03:00Z"));
            assertThat(pipeline.decision().getClickId()).as("the latest click before t").isEqualTo("c3");
        }

        @Test
        void aLongSessionWhoseClicksHaveAllLeftItsWindowHoldsItsClicksItselfAgain() {
            pipeline = pipeline.replacedBy("click.inline.max", "2", "referral.window", "P1D",
                    "referral.window.max", "P1D", "click.retention.grace", "PT1H");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T09:00:00Z"),
                    click("c2", "s1", "news", "2026-06-01T09:05:00Z"),
                    click("c3", "s1", "shop", "2026-06-01T09:10:00Z"));
            assertThat(clicksInTheClickHistory()).isEqualTo(3);
            pipeline.clicks(click("c4", "s1", "blog", "2026-06-03T09:00:00Z"));
            assertThat(clicksInTheClickHistory()).isZero();
            assertThat(storedClicks()).isEqualTo(1);
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "window")).isEqualTo(3.0);
            pipeline.conversions(conversion("o1", "s1", "2026-06-03T10:00:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c4");
        }
    }

    /** The same, with every session keeping its clicks in the click history, as long sessions do. */
    @Nested
    class BoundedHistoryInTheClickHistory extends BoundedHistory {
        @BeforeEach
        void everyClickInTheClickHistory() {
            pipeline.close();
            pipeline = AttributionDriver.keeping("click.inline.max", "0");
        }
    }

    /** SPEC "Time": a session's clicks follow its own clock, never another session's or program's. */
    @Nested
    class RetentionPerSession {
        @Test
        void anotherSessionsLaterClicksDoNotPushASessionsClicksOut() {
            pipeline = pipeline.replacedBy("referral.window", "P1D", "referral.window.max", "P1D",
                    "click.retention.grace", "PT1H");
            pipeline.clicks(click("c1", "s1", "blog", "2026-06-01T00:00:00Z"),
                    click("c2", "s2", "news", "2026-07-15T00:00:00Z"),
                    click("c3", "s1", "news", "2026-05-01T00:00:00Z")); // s1's own clock has passed it
            pipeline.conversions(conversion("o1", "s1", "2026-06-01T01:00:00Z"));
            assertThat(pipeline.decision().getClickId()).isEqualTo("c1");
            assertThat(pipeline.counter("attribution.clicks.evicted", "cause", "window")).isEqualTo(1.0);
        }

        @Test
        void twoProgramsAMonthApartInterleavedAreDecidedAsEachAlone() {
            String june = "june-program";
            String may = "may-replay";
            for (int i = 0; i < 5; i++) {
                pipeline.clicks(Fixtures.inProgram(click("j" + i, "js" + i, "blog", "2026-06-20T10:00:00Z"), june),
                        Fixtures.inProgram(click("m" + i, "ms" + i, "news", "2026-05-20T10:00:00Z"), may));
            }
            for (int i = 0; i < 5; i++) {
                pipeline.conversions(
                        Fixtures.inProgram(conversion("jo" + i, "js" + i, "2026-06-20T11:00:00Z"), june),
                        Fixtures.inProgram(conversion("mo" + i, "ms" + i, "2026-05-20T11:00:00Z"), may));
            }
            assertThat(pipeline.decisions()).allSatisfy(d -> {
                assertThat(d.getReason()).isEqualTo(Reason.LAST_CLICK);
                assertThat(d.getPartnerId()).isEqualTo(d.getProgramId().equals(june) ? "blog" : "news");
            }).hasSize(10);
        }
    }
}
