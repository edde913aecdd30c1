package org.promoattribution.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.hostile.HostilePipeline.SCHEMA_IDS;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * Hostile records, as an attacker or a buggy producer writes them, mixed into realistic traffic
 * through the real topology: each record leads to exactly what SPEC allows it (a decision, a
 * dead letter with its bytes and reason, or a documented silent end; see {@link HostilePipeline}),
 * the driver never throws, and the traffic around them is decided exactly as it is alone.
 */
class HostileMixPropertyTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final GoodTraffic TRAFFIC = GoodTraffic.generate(7, 12, 6, NOW.minus(Duration.ofDays(1)), NOW);
    private static final HostileRecords HOSTILE = new HostileRecords(new WireRecords(SCHEMA_IDS), NOW, Duration.ZERO);
    private static final List<InputRecord> BOUNDARY_VALUES = HOSTILE.boundaryValues();
    private static final List<InputRecord> STRANGE_KEYS = HOSTILE.strangeKeys();
    /** The decision schema is registered with the first decision (4), the usage schema with the first code used (5). */
    private static final int LAST_OUTPUT_SCHEMA_ID = 5;
    /**
     * One pipeline for all tries (a new one costs more than a try), each try's traffic under ids of
     * its own; a new one after a failure. Shrinking may go on in a thread of jqwik's: tries take turns.
     */
    private static HostilePipeline shared;
    private static int tries;

    @Property(tries = 100)
    void randomBytesAreDeadLettered(@ForAll("randomBytes") List<InputRecord> hostile, @ForAll Random random) {
        mixIntoTraffic(hostile, random);
    }

    @Property(tries = 100)
    void randomBodiesBehindAValidHeaderAreDecidedOrDeadLettered(@ForAll("randomBodies") List<InputRecord> hostile,
                                                                @ForAll Random random) {
        mixIntoTraffic(hostile, random);
    }

    @Property(tries = 100)
    void truncatedEncodingsAreUndecodable(@ForAll("truncated") List<InputRecord> hostile, @ForAll Random random) {
        mixIntoTraffic(hostile, random);
    }

    @Property(tries = 100)
    void bitFlippedEncodingsAreDecidedWithinSpecOrDeadLettered(@ForAll("bitFlipped") List<InputRecord> hostile,
                                                               @ForAll Random random) {
        mixIntoTraffic(hostile, random);
    }

    @Property(tries = 100)
    void encodingsUnderAnotherSchemaIdAreUnknownOrReadAsThatSchema(@ForAll("wrongSchemaId") List<InputRecord> hostile,
                                                                   @ForAll Random random) {
        mixIntoTraffic(hostile, random);
    }

    @Property(tries = 100)
    void boundaryValuesMeetTheirRuleInAnyMix(@ForAll("boundaryValues") List<InputRecord> hostile,
                                             @ForAll Random random) {
        mixIntoTraffic(hostile, random);
    }

    @Property(tries = 100)
    void everyKindTogether(@ForAll("anything") List<InputRecord> hostile, @ForAll Random random) {
        mixIntoTraffic(hostile, random);
    }

    /**
     * Pipes a copy of the traffic with {@code hostile} records at random places, checks each
     * record's fate, and the traffic's decisions against its decisions alone.
     */
    private static synchronized void mixIntoTraffic(List<InputRecord> hostile, Random random) {
        if (shared == null) {
            shared = new HostilePipeline(NOW);
        }
        HostilePipeline pipeline = shared;
        String prefix = "try" + ++tries + "-";
        try {
            List<InputRecord> mix = new ArrayList<>();
            TRAFFIC.under(prefix).forEach(e -> mix.add(pipeline.good(e)));
            for (InputRecord record : hostile) {
                mix.add(random.nextInt(mix.size() + 1), record);
            }
            mix.forEach(pipeline::pipe);
            Map<String, AttributionDecision> traffic = new TreeMap<>();
            pipeline.decisions().forEach((key, decision) -> {
                if (key.startsWith(prefix)) {
                    traffic.put(key, decision);
                }
            });
            assertThat(traffic).as("the traffic's decisions").isEqualTo(TRAFFIC.decidedAloneUnder(prefix));
        } catch (RuntimeException | AssertionError e) {
            pipeline.close();
            shared = null;
            throw e;
        }
    }

    @AfterContainer
    static synchronized void closePipeline() {
        if (shared != null) {
            shared.close();
        }
    }

    @Provide
    Arbitrary<List<InputRecord>> randomBytes() {
        return Combinators.combine(inputs(), keys(), Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((input, key, value) -> new InputRecord("random bytes", input, key, value,
                        startsWithKnownHeader(value) ? Expected.acceptedOrAnyDeadLetter() : Expected.anyDeadLetter()))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<InputRecord>> randomBodies() {
        return Combinators.combine(inputs(), keys(), Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((input, key, body) -> new InputRecord("a random body behind its own valid header", input, key,
                        WireRecords.withHeader(HOSTILE.schemaId(input), body), Expected.acceptedOrAnyDeadLetter()))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<InputRecord>> truncated() {
        return Combinators.combine(validRecords(), Arbitraries.doubles().between(0, 1).ofScale(6))
                .as((valid, share) -> {
                    int length = Math.min(valid.value().length - 1, (int) (share * valid.value().length));
                    return new InputRecord(valid.what() + " cut to " + length + " bytes", valid.input(), valid.key(),
                            WireRecords.truncated(valid.value(), length),
                            Expected.deadLetter(DeadLetterReason.UNDECODABLE));
                })
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<InputRecord>> bitFlipped() {
        return Combinators.combine(validRecords(), Arbitraries.integers().greaterOrEqual(0).list().ofMinSize(1)
                        .ofMaxSize(3))
                .as((valid, bits) -> new InputRecord(valid.what() + " with bits " + bits + " flipped", valid.input(),
                        valid.key(), WireRecords.bitFlipped(valid.value(), bits.stream().mapToInt(i -> i).toArray()),
                        Expected.acceptedOrAnyDeadLetter()))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<InputRecord>> wrongSchemaId() {
        Arbitrary<Integer> ids = Arbitraries.oneOf(Arbitraries.integers().between(1, LAST_OUTPUT_SCHEMA_ID),
                Arbitraries.integers().greaterOrEqual(LAST_OUTPUT_SCHEMA_ID + 1),
                Arbitraries.integers().lessOrEqual(0));
        return Combinators.combine(validRecords(), ids)
                .as((valid, id) -> new InputRecord(valid.what() + " under schema id " + id, valid.input(),
                        valid.key(), WireRecords.underSchemaId(valid.value(), id),
                        id > 0 && id <= LAST_OUTPUT_SCHEMA_ID ? Expected.acceptedOrAnyDeadLetter()
                                : Expected.deadLetter(DeadLetterReason.UNKNOWN_SCHEMA_ID)))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<InputRecord>> boundaryValues() {
        return Arbitraries.of(BOUNDARY_VALUES).list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<InputRecord>> anything() {
        return Arbitraries.oneOf(randomBytes(), randomBodies(), truncated(), bitFlipped(), wrongSchemaId(),
                        boundaryValues(), Arbitraries.of(STRANGE_KEYS).list().ofMinSize(1).ofMaxSize(10))
                .list().ofMinSize(1).ofMaxSize(4)
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** A fresh valid record of one of the three types: its ids are its own. */
    private static Arbitrary<InputRecord> validRecords() {
        return Arbitraries.integers().between(0, 2).map(i -> HOSTILE.validRecords().get(i));
    }

    private static Arbitrary<Input> inputs() {
        return Arbitraries.of(Input.class);
    }

    /** No key, the traffic's sessions, hostile sessions, or any bytes. */
    private static Arbitrary<byte[]> keys() {
        return Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.of("s-1", "s-2", "o-1", "hostile-session-0").map(InputRecord::utf8),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
    }

    /** Whether the bytes begin like a record the registry knows: random bytes can still be one. */
    private static boolean startsWithKnownHeader(byte[] value) {
        if (value.length < 5 || value[0] != 0) {
            return false;
        }
        int id = WireRecords.idOf(value);
        return id > 0 && id <= LAST_OUTPUT_SCHEMA_ID;
    }
}
