package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.regex;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.local.LocalStack;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.deadletter.DeadLetterHeaders;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * Bad input tried for real, against a running pipeline on a real broker and registry: every bad
 * record lands in the dead-letter topic with its reason, the pipeline goes on deciding, and the
 * counts add up: bad in = dead letters out, good conversions in = decisions out, good definitions
 * in = validated definitions out. Each test has its own topics and instance on one shared stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private static final int MEGABYTE_OF_TEXT = 1_000_000; // a 1 MiB record would exceed the broker's limit
    /** max.request.size (1 MiB) less room for the key and the record's framing. */
    private static final int LARGEST_RECORD_VALUE = 1024 * 1024 - 160;
    private static final int BULK_PATTERNS = 1_000;
    // Recent: records carry event time, and the broker soon deletes what is older than retention.ms.
    private static final String NOW = Instant.now().minus(Duration.ofHours(1)).toString();
    private static final String LATER = Instant.now().minus(Duration.ofMinutes(55)).toString();

    private final Random random = new Random(20_260_601);
    private final Map<String, DeadLetterReason> expectedDeadLetters = new TreeMap<>();
    private LocalStack stack;
    private Scenario scenario;

    @BeforeAll
    void start() {
        stack = LocalStack.temporary().start();
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndNothingElseIsLost(@TempDir Path dir) throws Exception {
        try (Scenario opened = new Scenario(stack, "bad-input", dir)) {
            scenario = opened;
            CommittedLog deadLetters = scenario.read(scenario.topics.deadLetter());
            CommittedLog validated = scenario.read(scenario.topics.validatedPromoCodes());
            ChildInstance instance = scenario.launch("only", "state").awaitRunning(0);

            sendBadRecords();
            List<PromoCode> definitions = goodDefinitions();
            scenario.send(definitions.stream().map(BadInputIT::codeEvent).toList());
            // A tombstone is good input too, even for a code never defined.
            scenario.sendRaw(scenario.topics.promoCodes(), bytes("pc-never-defined"), null);
            instance.awaitRunning(definitions.size());
            Map<String, Reason> expectedReasons = sendGoodConversions();

            scenario.awaitDecided(expectedReasons.size());
            deadLetters.await("every bad record dead-lettered", r -> r.size() >= expectedDeadLetters.size(),
                    Duration.ofSeconds(60));
            validated.await("every good definition validated", r -> r.size() >= definitions.size() + 1,
                    Duration.ofSeconds(60));
            Thread.sleep(3_000); // anything more would show now

            Map<String, Reason> reasons = new TreeMap<>();
            List<AttributionDecision> decisions = decisions();
            decisions.forEach(d -> reasons.put(d.getConversionId(), d.getReason()));
            System.out.printf(Locale.ROOT, "[faults] bad-input: %d bad records in, %d dead letters out %s; "
                            + "%d good conversions in, %d decisions out; %d good definitions and 1 tombstone in, "
                            + "%d validated out%n", expectedDeadLetters.size(), deadLetters.size(),
                    countByReason(deadLetters.records()), expectedReasons.size(), decisions.size(),
                    definitions.size(), validated.size());

            assertThat(deadLetterReasons(deadLetters.records())).isEqualTo(expectedDeadLetters);
            assertThat(decisions).hasSize(expectedReasons.size());
            assertThat(reasons).isEqualTo(expectedReasons);
            assertThat(validated.records()).hasSize(definitions.size() + 1);
            assertThat(deadLetters.records()).filteredOn(r -> header(r, DeadLetterHeaders.TRUNCATED_FROM) != null)
                    .singleElement().satisfies(r -> assertThat(header(r, DeadLetterHeaders.TRUNCATED_FROM))
                            .isEqualTo(Integer.toString(LARGEST_RECORD_VALUE)));
        }
    }

    /**
     * The orders that stopped a partition before SPEC's limits: a megabyte typed into the code
     * field, and thousands of short codes (whose decision and explanation outgrew the producer's
     * limit). Both are LIMIT_EXCEEDED now, and the next order of the partition is decided.
     */
    @Test
    void hugeOrdersAreLimitExceededAndThePartitionGoesOn(@TempDir Path dir) throws Exception {
        try (Scenario opened = new Scenario(stack, "huge-order", dir)) {
            scenario = opened;
            CommittedLog deadLetters = scenario.read(scenario.topics.deadLetter());
            scenario.launch("only", "state").awaitRunning(0);
            scenario.send(List.of(new SimEvent(SimEvent.Kind.CONVERSION, "huge-s1",
                    conversion("huge-o1", "huge-s1", LATER, "Y".repeat(MEGABYTE_OF_TEXT)))));
            String[] manyCodes = new String[20_000];
            Arrays.setAll(manyCodes, i -> "C" + i);
            scenario.send(List.of(new SimEvent(SimEvent.Kind.CONVERSION, "huge-s1",
                    conversion("huge-o2", "huge-s1", LATER, manyCodes))));
            scenario.send(List.of(new SimEvent(SimEvent.Kind.CONVERSION, "huge-s1",
                    conversion("huge-o3", "huge-s1", LATER))));

            scenario.awaitDecided(1);
            deadLetters.await("both huge orders dead-lettered", r -> r.size() >= 2, Duration.ofSeconds(60));
            assertThat(decisions()).extracting(AttributionDecision::getConversionId).containsExactly("huge-o3");
            assertThat(deadLetters.records()).extracting(r -> header(r, DeadLetterHeaders.REASON),
                            r -> header(r, DeadLetterHeaders.ERROR).split(":")[0])
                    .containsExactly(tuple("LIMIT_EXCEEDED", "limit promo code length"),
                            tuple("LIMIT_EXCEEDED", "limit conversion.max.codes"));
        }
    }

    /**
     * A decision the producer cannot write (here its max.request.size is lowered so that an order
     * of a hundred long codes, within SPEC's limits, makes one too large) fails in production,
     * under exactly-once: its order goes to the dead-letter topic as PROCESSING_ERROR, and the
     * partition goes on deciding.
     */
    @Test
    void aDecisionTooLargeToWriteSendsItsOrderToTheDeadLetterTopicUnderExactlyOnce(@TempDir Path dir)
            throws Exception {
        try (Scenario opened = new Scenario(stack, "unwritable", dir, "producer.max.request.size", "80000")) {
            scenario = opened;
            CommittedLog deadLetters = scenario.read(scenario.topics.deadLetter());
            scenario.launch("only", "state").awaitRunning(0);
            String[] longCodes = new String[100];
            Arrays.setAll(longCodes, i -> i + "-" + "L".repeat(990));
            scenario.send(List.of(new SimEvent(SimEvent.Kind.CONVERSION, "big-s1",
                    conversion("big-o1", "big-s1", LATER, longCodes))));
            scenario.send(List.of(new SimEvent(SimEvent.Kind.CONVERSION, "big-s1",
                    conversion("big-o2", "big-s1", LATER))));

            scenario.awaitDecided(1);
            deadLetters.await("the unwritable decision's order dead-lettered", r -> r.size() >= 1,
                    Duration.ofSeconds(60));
            Thread.sleep(2_000); // a retry of big-o1 would show now
            assertThat(decisions()).extracting(AttributionDecision::getConversionId).containsExactly("big-o2");
            assertThat(deadLetters.records()).singleElement().satisfies(r -> {
                assertThat(header(r, DeadLetterHeaders.REASON)).isEqualTo("PROCESSING_ERROR");
                assertThat(header(r, DeadLetterHeaders.ERROR)).contains("exceeds what max.request.size allows");
                assertThat(header(r, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(scenario.topics.conversions());
                assertThat(header(r, DeadLetterHeaders.TRUNCATED_FROM)).isNotNull();
            });
        }
    }

    private List<AttributionDecision> decisions() {
        return scenario.decisions.records().stream().map(r -> scenario.decode(r.value())).toList();
    }

    private void sendBadRecords() {
        Conversion order = conversion("bad-o1", "bad-s1", LATER);
        byte[] orderBytes = scenario.serdes.conversion().serializer().serialize(scenario.topics.conversions(), order);
        byte[] clickBytes = scenario.serdes.click().serializer()
                .serialize(scenario.topics.clicks(), click("bad-c1", "bad-s1", "blog", NOW));
        byte[] codeBytes = serialize(exact("bad-pc-1", "WRONG", "blog", CreditPolicy.ALWAYS));

        bad("random bytes", scenario.topics.clicks(), "bad-s1", randomBytes(), DeadLetterReason.UNDECODABLE);
        bad("random bytes", scenario.topics.promoCodes(), "bad-pc-0", randomBytes(), DeadLetterReason.UNDECODABLE);
        // As large as a record can be: whole, with our headers, it would not fit the dead-letter topic.
        byte[] largest = new byte[LARGEST_RECORD_VALUE];
        Arrays.fill(largest, (byte) 'x');
        bad("garbage as large as a record can be", scenario.topics.clicks(), "bad-s1", largest,
                DeadLetterReason.UNDECODABLE);
        bad("truncated Avro", scenario.topics.conversions(), "bad-s1",
                Arrays.copyOf(orderBytes, orderBytes.length / 2), DeadLetterReason.UNDECODABLE);
        bad("unknown schema id", scenario.topics.clicks(), "bad-s1",
                ByteBuffer.allocate(clickBytes.length).put((byte) 0).putInt(987_654)
                        .put(clickBytes, 5, clickBytes.length - 5).array(), DeadLetterReason.UNKNOWN_SCHEMA_ID);
        bad("a promo code on the clicks topic", scenario.topics.clicks(), "bad-s1", codeBytes,
                DeadLetterReason.MISSING_FIELD);
        bad("null value", scenario.topics.clicks(), "bad-s1", null, DeadLetterReason.UNDECODABLE);
        bad("null key and null value", scenario.topics.conversions(), null, null, DeadLetterReason.UNDECODABLE);
        // A definition without key never gets this far: the compacted promo-codes topic refuses it.
        bad("negative amount", scenario.topics.conversions(), "bad-s1", scenario.serdes.conversion().serializer()
                        .serialize(scenario.topics.conversions(), Conversion.newBuilder(order)
                                .setAmount(order.getAmount().negate()).build()),
                DeadLetterReason.NEGATIVE_AMOUNT);
        // SPEC "Time": one record from a broken clock must not move anyone's time.
        bad("an order dated two hours ahead", scenario.topics.conversions(), "bad-s1",
                scenario.serdes.conversion().serializer().serialize(scenario.topics.conversions(),
                        conversion("bad-o2", "bad-s1", Instant.now().plus(Duration.ofHours(2)).toString())),
                DeadLetterReason.INVALID_TIMESTAMP);
        bad("a click of 1969", scenario.topics.clicks(), "bad-s1", scenario.serdes.click().serializer()
                        .serialize(scenario.topics.clicks(), click("bad-c2", "bad-s1", "blog", "1969-12-31T23:59:59Z")),
                DeadLetterReason.INVALID_TIMESTAMP);
        bad("101 codes", scenario.topics.conversions(), "bad-s1", scenario.serdes.conversion().serializer()
                        .serialize(scenario.topics.conversions(), conversion("bad-o3", "bad-s1", LATER,
                                Collections.nCopies(101, "X").toArray(String[]::new))),
                DeadLetterReason.LIMIT_EXCEEDED);
        badDefinition(exact("bad-pc-2", "X".repeat(MEGABYTE_OF_TEXT), "blog", CreditPolicy.ALWAYS),
                DeadLetterReason.PATTERN_TOO_LONG);
        badDefinition(regex("bad-pc-3", "(A)\\1", "blog", CreditPolicy.ALWAYS), DeadLetterReason.INVALID_PATTERN);
        badDefinition(regex("bad-pc-4", "(?=A)A", "blog", CreditPolicy.ALWAYS), DeadLetterReason.INVALID_PATTERN);
        // 25 characters that RE2J compiles into 10^9 instructions: an OutOfMemoryError, not a pattern.
        badDefinition(regex("bad-pc-5", "((A{1000}){1000}){1000}", "blog", CreditPolicy.ALWAYS),
                DeadLetterReason.INVALID_PATTERN);
    }

    /**
     * A thousand REGEX definitions (ALWAYS, so a match shows in the decision) and patterns that
     * make backtracking engines take exponential time; RE2 matches them in linear time.
     */
    private static List<PromoCode> goodDefinitions() {
        List<PromoCode> definitions = new ArrayList<>();
        for (int i = 1; i <= BULK_PATTERNS; i++) {
            definitions.add(regex(String.format(Locale.ROOT, "bulk-%04d", i),
                    String.format(Locale.ROOT, "BULK%04d-[0-9]{4}", i), "bulk-partner", CreditPolicy.ALWAYS));
        }
        List<String> pathological = List.of("(a*)*b", "(x+x+)+y", "(a|aa)*c", "(.*a){12}");
        for (int i = 0; i < pathological.size(); i++) {
            definitions.add(regex("slow-" + i, pathological.get(i), "slow-partner", CreditPolicy.IF_WINNER));
        }
        return definitions;
    }

    /** Good conversions, sent after all the bad input, and the reason each must be decided with. */
    private Map<String, Reason> sendGoodConversions() {
        Map<String, Reason> expected = new TreeMap<>();
        scenario.send(List.of(new SimEvent(SimEvent.Kind.CLICK, null, click("good-c1", "good-s1", "blog", NOW))));
        good(expected, "good-s2", conversion("good-o1", "good-s2", LATER, "BULK0999-1234"), Reason.PROMO_CODE_ALWAYS);
        good(expected, "good-s3", conversion("good-o2", "good-s3", LATER, "a".repeat(40) + "b"),
                Reason.PROMO_CODE_POLICY_NOT_MET);
        good(expected, "good-s4", conversion("good-o3", "good-s4", LATER, "a".repeat(999) + "!"),
                Reason.NO_CLICK_NO_CODE);
        good(expected, null, conversion("good-o4", "good-s6", LATER), Reason.NO_CLICK_NO_CODE);
        // From an order system whose clock runs half an hour ahead, stamped by the producer's clock.
        Conversion skewed = conversion("good-o5", "good-s5", Instant.now().plus(Duration.ofMinutes(30)).toString());
        scenario.sendRaw(scenario.topics.conversions(), bytes("good-s5"),
                scenario.serdes.conversion().serializer().serialize(scenario.topics.conversions(), skewed));
        expected.put("good-o5", Reason.NO_CLICK_NO_CODE);
        // Last, and seconds after it: the click sent without key, which went through the repartition topic.
        scenario.awaitDecided(expected.size());
        good(expected, "good-s1", conversion("good-o6", "good-s1", LATER), Reason.LAST_CLICK);
        return expected;
    }

    private void good(Map<String, Reason> expected, String key, Conversion conversion, Reason reason) {
        scenario.send(List.of(new SimEvent(SimEvent.Kind.CONVERSION, key, conversion)));
        expected.put(conversion.getConversionId(), reason);
    }

    private void bad(String what, String topic, String key, byte[] value, DeadLetterReason reason) {
        RecordMetadata sent = scenario.sendRaw(topic, bytes(key), value);
        expectedDeadLetters.put(sent.topic() + "/" + sent.partition() + "/" + sent.offset() + " " + what, reason);
    }

    private void badDefinition(PromoCode definition, DeadLetterReason reason) {
        bad(definition.getCode().length() > 40 ? "a 1 MB definition code" : "pattern " + definition.getCode(),
                scenario.topics.promoCodes(), definition.getPromoCodeId(), serialize(definition), reason);
    }

    private Map<String, DeadLetterReason> deadLetterReasons(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, String> names = new HashMap<>();
        expectedDeadLetters.keySet().forEach(k -> names.put(k.substring(0, k.indexOf(' ')), k));
        Map<String, DeadLetterReason> actual = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String source = header(record, DeadLetterHeaders.SOURCE_TOPIC) + "/"
                    + header(record, DeadLetterHeaders.SOURCE_PARTITION) + "/"
                    + header(record, DeadLetterHeaders.SOURCE_OFFSET);
            actual.put(names.getOrDefault(source, source + " (unexpected)"),
                    DeadLetterReason.valueOf(header(record, DeadLetterHeaders.REASON)));
        }
        return actual;
    }

    private static Map<String, Integer> countByReason(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Integer> counts = new TreeMap<>();
        records.forEach(r -> counts.merge(header(r, DeadLetterHeaders.REASON), 1, Integer::sum));
        return counts;
    }

    private static SimEvent codeEvent(PromoCode definition) {
        return new SimEvent(SimEvent.Kind.PROMO_CODE,
                definition.getPromoCodeId(), definition);
    }

    private byte[] serialize(PromoCode definition) {
        return scenario.serdes.promoCode().serializer().serialize(scenario.topics.promoCodes(), definition);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[200];
        random.nextBytes(bytes);
        bytes[0] = 1; // not the wire format's magic byte
        return bytes;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
