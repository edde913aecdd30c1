package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.cli.PromoAttributionCli;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.Reason;
import org.promoattribution.deadletter.DeadLetterHeaders;
import picocli.CommandLine;

/**
 * End to end on a real KRaft broker and a real schema registry, through the registry serdes.
 * Each test uses its own sessions and orders, so they share one broker and one running app.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionPipelineIT {
    private LivePipeline pipeline;
    private Path stateDir;

    @BeforeAll
    void start(@TempDir Path stateDir) throws Exception {
        this.stateDir = stateDir;
        pipeline = new LivePipeline(stateDir);
        pipeline.startApp();
    }

    @AfterAll
    void stop() {
        pipeline.close();
    }

    private AttributionDecision decisionOf(String conversionId) {
        List<AttributionDecision> mine = pipeline.decisionsOnceDecided(conversionId).stream()
                .filter(d -> d.getConversionId().equals(conversionId)).toList();
        assertThat(mine).as("decisions of " + conversionId).hasSize(1);
        return mine.get(0);
    }

    private static boolean isFor(String conversionId, ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(conversionId);
    }

    @Test
    void creditedDecisionReachesConsumersThroughTheRegistry() {
        pipeline.sendAndAwait(exact("it-pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER));
        pipeline.send(click("it-c1", "it-s1", "blog", "2026-06-01T10:00:00Z"));
        pipeline.send(conversion("it-o1", "it-s1", "2026-06-01T10:05:00Z", "summer10"));

        List<ConsumerRecord<byte[], byte[]>> records = pipeline.readCommitted(
                rs -> rs.stream().anyMatch(r -> isFor("it-o1", r)), pipeline.topics().credited());
        ConsumerRecord<byte[], byte[]> record = records.stream().filter(r -> isFor("it-o1", r)).findFirst().orElseThrow();
        AttributionDecision decision = LivePipeline.readAsDownstreamConsumer(pipeline.registry, record.topic(),
                record.value());
        assertThat(decision.getReason()).isEqualTo(Reason.PROMO_CODE_WINNER);
        assertThat(decision.getPartnerId()).isEqualTo("blog");
        assertThat(decision.getClickId()).isEqualTo("it-c1");
    }

    @Test
    void invalidDecisionGoesToTheInvalidTopic() {
        pipeline.sendAndAwait(exact("it-pc-2", "NEWS5", "news", CreditPolicy.IF_WINNER));
        pipeline.send(click("it-c2", "it-s2", "coupons", "2026-06-01T10:00:00Z"));
        pipeline.send(conversion("it-o2", "it-s2", "2026-06-01T10:05:00Z", "NEWS5"));

        AttributionDecision decision = decisionOf("it-o2");
        assertThat(decision.getOutcome()).isEqualTo(Outcome.INVALID);
        assertThat(decision.getPartnerId()).isEqualTo("coupons");
    }

    @Test
    void unattributedDecisionGoesToTheUnattributedTopic() {
        pipeline.send(conversion("it-o3", "it-s3", "2026-06-01T10:05:00Z", "NOTHING"));
        AttributionDecision decision = decisionOf("it-o3");
        assertThat(decision.getOutcome()).isEqualTo(Outcome.UNATTRIBUTED);
        assertThat(decision.getUnmatchedCodes()).containsExactly("NOTHING");
    }

    private List<PromoCodeUsage> usage(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream().filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(key))
                .map(r -> pipeline.serdes.usage().deserializer().deserialize(r.topic(), r.value())).toList();
    }

    @Test
    void aCodeChangeIsSeenByTheRunningPipeline() {
        pipeline.send(conversion("it-o4", "it-s4", "2026-06-01T10:05:00Z", "FLASH"));
        assertThat(decisionOf("it-o4").getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);

        pipeline.sendAndAwait(exact("it-pc-4", "FLASH", "influencer", CreditPolicy.ALWAYS));
        pipeline.send(conversion("it-o4-again", "it-s4", "2026-06-01T10:05:00Z", "FLASH"));
        assertThat(decisionOf("it-o4-again").getReason()).isEqualTo(Reason.PROMO_CODE_ALWAYS);
    }

    @Test
    void usageFiguresReachPromoCodeUsageAndCodesReportShowsThem() throws Exception {
        pipeline.sendAndAwait(exact("it-pc-u", "USAGE5", "blog", CreditPolicy.IF_WINNER));
        pipeline.send(click("it-cu1", "it-su1", "blog", "2026-06-03T10:00:00Z"));
        pipeline.send(conversion("it-ou1", "it-su1", "2026-06-03T10:05:00Z", "USAGE5"));
        pipeline.send(conversion("it-ou2", "it-su2", "2026-06-03T23:59:59Z", "usage5"));

        // The two orders' contributions may reach the figures in one sum or two, in either order
        // (README: written once a commit interval); the latest value is the day's truth.
        String key = "it-pc-u|2026-06-03";
        List<PromoCodeUsage> figures = usage(pipeline.readCommitted(rs -> usage(rs, key).stream()
                .anyMatch(u -> u.getUses() == 2), pipeline.topics().usage()), key);
        // readCommitted polls two seconds more once the condition holds: a later double count would show.
        assertThat(figures).hasSizeBetween(1, 2).last()
                .extracting(PromoCodeUsage::getUses, PromoCodeUsage::getCredited, PromoCodeUsage::getWithoutOwnerClick)
                .containsExactly(2L, 1L, 1L);

        Path cluster = Files.writeString(stateDir.resolve("cluster.properties"), "bootstrap.servers="
                + pipeline.stack.bootstrapServers() + "\nschema.registry.url=" + pipeline.stack.schemaRegistryUrl() + "\n");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PromoAttributionCli());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("codes", "report", "--config", cluster.toString(), "--day", "2026-06-03")).isZero();
        assertThat(out.toString().lines()).anyMatch(line -> line.matches("acme\\s+it-pc-u\\s+blog\\s+2026-06-03\\s+2\\s+1\\s+0\\s+1"));
    }

    @Test
    void garbageAndUnknownSchemaIdsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        byte[] unknownId = ByteBuffer.allocate(12).put((byte) 0).putInt(987_654).putInt(42).array();
        pipeline.send(pipeline.topics().clicks(), "it-s5", garbage);
        pipeline.send(pipeline.topics().conversions(), "it-s5", unknownId);
        pipeline.send(conversion("it-o5", "it-s5", "2026-06-01T10:05:00Z"));

        List<ConsumerRecord<byte[], byte[]>> deadLetters = pipeline.readCommitted(rs -> rs.size() >= 2,
                pipeline.topics().deadLetter());
        assertThat(deadLetters).extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8)).contains("UNDECODABLE", "UNKNOWN_SCHEMA_ID");
        assertThat(deadLetters).extracting(ConsumerRecord::value).contains(garbage, unknownId);
        assertThat(decisionOf("it-o5").getReason()).isEqualTo(Reason.NO_CLICK_NO_CODE);
    }
}
