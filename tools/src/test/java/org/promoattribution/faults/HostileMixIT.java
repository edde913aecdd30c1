package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.promoattribution.hostile.HostileRecords;
import org.promoattribution.hostile.Input;
import org.promoattribution.hostile.InputRecord;
import org.promoattribution.hostile.WireRecords;
import org.promoattribution.local.LocalStack;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.deadletter.DeadLetterHeaders;

/**
 * A hostile mix on a real broker and registry: records of every kind SPEC refuses (see
 * {@link HostileRecords#refusedMix}) sent first, keyed by the sessions of the normal traffic so
 * they land on its partitions, then the normal traffic. Every normal order is decided as
 * {@code simulate} decides the traffic alone, and every hostile record, and nothing else, is in the
 * dead-letter topic with a reason SPEC allows it, read with read_committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMixIT {
    /** A hostile record may be processed this long after it was made: its event times keep clear of SPEC's bounds by as much. */
    private static final Duration SLACK = Duration.ofMinutes(10);
    private LocalStack stack;

    @BeforeAll
    void start() {
        stack = LocalStack.temporary().start();
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void everyHostileRecordIsDeadLetteredAndTheTrafficOnItsPartitionsIsDecidedAsAlone(@TempDir Path dir)
            throws Exception {
        // Records carry event time, and the broker deletes what is older than retention.ms: keep it recent.
        // A session's clicks span up to seven hours: all of it in the past, none beyond "now".
        Workload workload = Workload.generate(20_261_127, 300, Instant.now().minus(Duration.ofHours(8)));
        try (Scenario scenario = new Scenario(stack, "hostile-mix", dir)) {
            CommittedLog deadLetters = scenario.read(scenario.topics.deadLetter());
            ChildInstance instance = scenario.launch("only", "state").awaitRunning(0);
            scenario.send(workload.codes);
            instance.awaitRunning(workload.codes.size());

            Map<String, InputRecord> hostile = sendHostileMix(scenario, workload);
            scenario.send(workload.traffic);

            ExactlyOnceCheck.verify(scenario, workload, "a hostile mix of " + hostile.size()
                    + " records first, on the traffic's partitions");
            deadLetters.await("a dead letter of every hostile record", r -> r.size() >= hostile.size(),
                    Duration.ofSeconds(60));
            Map<String, String> reasons = new TreeMap<>();
            Map<String, Integer> byReason = new TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters.records()) {
                String source = header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC) + "/"
                        + header(deadLetter, DeadLetterHeaders.SOURCE_PARTITION) + "/"
                        + header(deadLetter, DeadLetterHeaders.SOURCE_OFFSET);
                String reason = header(deadLetter, DeadLetterHeaders.REASON);
                assertThat(reasons.put(source, reason)).as("an earlier dead letter of " + source).isNull();
                byReason.merge(reason, 1, Integer::sum);
            }
            System.out.printf(Locale.ROOT, "[faults] hostile-mix: %d hostile records in, %d dead letters out %s%n",
                    hostile.size(), deadLetters.size(), byReason);

            assertThat(reasons.keySet()).as("the sources of the dead letters").isEqualTo(hostile.keySet());
            List<String> wrongReasons = new ArrayList<>();
            hostile.forEach((source, record) -> {
                if (!record.expected().reasons().stream().map(Enum::name).toList().contains(reasons.get(source))) {
                    wrongReasons.add(record + " but was " + reasons.get(source));
                }
            });
            assertThat(wrongReasons).as("dead letters with a reason SPEC does not give them").isEmpty();
        }
    }

    /**
     * One junk record on the clicks topic stamped 50 minutes ahead (the broker takes up to an hour):
     * Kafka Streams takes a task's partitions in record-timestamp order, so unless the pipeline sees
     * to it, the clicks behind the junk wait until the orders' timestamps pass it, and the orders
     * are decided without them. SPEC: the junk is dead-lettered, and "no record can stop a partition".
     */
    @Test
    void aBadRecordStampedAheadDoesNotHoldBackTheClicksBehindIt(@TempDir Path dir) throws Exception {
        try (Scenario scenario = new Scenario(stack, "held-back", dir)) {
            CommittedLog deadLetters = scenario.read(scenario.topics.deadLetter());
            scenario.launch("only", "state").awaitRunning(0);
            byte[] junk = {1, 2, 3};
            scenario.sendRaw(scenario.topics.clicks(), "held-s1".getBytes(StandardCharsets.UTF_8), junk,
                    Instant.now().plus(Duration.ofMinutes(50)).toEpochMilli());
            Instant now = Instant.now();
            scenario.send(List.of(new SimEvent(SimEvent.Kind.CLICK, "held-s1",
                    click("held-c1", "held-s1", "blog", now.minusSeconds(1).toString()))));
            Thread.sleep(2_000); // the click is on the broker well before the order
            scenario.send(List.of(new SimEvent(SimEvent.Kind.CONVERSION, "held-s1",
                    conversion("held-o1", "held-s1", now.toString()))));

            scenario.awaitDecided(1);
            deadLetters.await("the junk dead-lettered", r -> r.size() >= 1, Duration.ofSeconds(30));
            assertThat(scenario.decode(scenario.decisions.records().get(0).value()).getClickId())
                    .as("the click of the order's session, on the broker before the order").isEqualTo("held-c1");
        }
    }

    /**
     * Sends the hostile mix, clicks and conversions keyed by the traffic's sessions in turn, and
     * tells each record by where it landed (topic/partition/offset), as dead letters say.
     */
    private static Map<String, InputRecord> sendHostileMix(Scenario scenario, Workload workload) {
        byte[] click = scenario.serdes.click().serializer().serialize(scenario.topics.clicks(),
                click("sample", "sample", "sample", Instant.now().toString()));
        byte[] conversion = scenario.serdes.conversion().serializer().serialize(scenario.topics.conversions(),
                conversion("sample", "sample", Instant.now().toString()));
        byte[] promoCode = scenario.serdes.promoCode().serializer().serialize(scenario.topics.promoCodes(),
                exact("sample", "SAMPLE", "sample", CreditPolicy.ALWAYS));
        HostileRecords records = new HostileRecords(new WireRecords(WireRecords.SchemaIds.of(click, conversion,
                promoCode)), Instant.now(), SLACK);
        // Stamped no later than the traffic: Kafka Streams takes a task's partitions in record-timestamp
        // order, and records stamped later ahead of the traffic's clicks would hold those clicks back
        // behind the orders of the other partition (a matter of record timestamps, not of bad input).
        long trafficStart = workload.traffic.stream().filter(e -> e.kind() == SimEvent.Kind.CLICK)
                .mapToLong(e -> ((Click) e.value()).getTimestamp().toEpochMilli())
                .min().orElseThrow();
        List<String> sessions = workload.traffic.stream().filter(e -> e.kind() == SimEvent.Kind.CLICK)
                .map(SimEvent::key).distinct().toList();
        Map<String, InputRecord> sent = new TreeMap<>();
        int turn = 0;
        for (InputRecord record : records.refusedMix(new Random(20_261_127))) {
            if (record.input() == Input.PROMO_CODES && record.key() == null) {
                continue; // the compacted promo-codes topic refuses a record without key: it never reaches us
            }
            byte[] key = record.key() == null || record.input() == Input.PROMO_CODES ? record.key()
                    : sessions.get(turn++ % sessions.size()).getBytes(StandardCharsets.UTF_8);
            RecordMetadata landed = scenario.sendRaw(record.input().topic(scenario.topics), key, record.value(),
                    trafficStart);
            sent.put(landed.topic() + "/" + landed.partition() + "/" + landed.offset(), record);
        }
        return sent;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
