package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.load.LocalPipeline;
import org.promoattribution.local.LocalStack;
import picocli.CommandLine;

/**
 * {@code produce} and {@code consume} against the real pipeline on the embedded broker and
 * registry: the decisions read back are the ones {@code simulate} makes of the same events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProduceConsumeIT {
    private static final List<String> CODES = List.of(
            "{\"promoCodeId\":\"pc-1\",\"programId\":\"acme\",\"code\":\"SUMMER10\",\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"IF_WINNER\",\"dealId\":\"d-7\"}",
            "{\"promoCodeId\":\"pc-2\",\"programId\":\"acme\",\"code\":\"VIP[0-9]{3}\",\"matchType\":\"REGEX\",\"partnerId\":\"news\",\"creditPolicy\":\"IF_INVOLVED\"}",
            "{\"promoCodeId\":\"pc-3\",\"programId\":\"acme\",\"code\":\"SAVE20\",\"matchType\":\"EXACT\",\"partnerId\":\"coupons\",\"creditPolicy\":\"ALWAYS\"}",
            "{\"promoCodeId\":\"pc-4\",\"programId\":\"acme\",\"code\":\"OLD5\",\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"IF_WINNER\",\"validTo\":\"2026-01-01T00:00:00Z\"}",
            "{\"promoCodeId\":\"pc-5\",\"programId\":\"acme\",\"code\":\"GONE\",\"matchType\":\"EXACT\",\"partnerId\":\"coupons\",\"creditPolicy\":\"ALWAYS\"}",
            "{\"promoCodeId\":\"pc-6\",\"programId\":\"acme\",\"code\":\"X\",\"matchType\":\"FUZZY\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}");
    private static final List<String> DELETES = List.of("{\"promoCodeId\":\"pc-5\",\"delete\":true}");
    private static final List<String> CLICKS = List.of(
            "{\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:00:00Z\"}",
            "{\"clickId\":\"c2\",\"programId\":\"acme\",\"sessionId\":\"s2\",\"partnerId\":\"news\",\"timestamp\":\"2026-06-01T10:00:00Z\"}",
            "{\"clickId\":\"c3\",\"programId\":\"acme\",\"sessionId\":\"s2\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:10:00Z\"}",
            "{\"clickId\":\"c4\",\"programId\":\"acme\",\"sessionId\":\"s3\",\"partnerId\":\"coupons\",\"timestamp\":\"2026-06-01T10:00:00Z\"}",
            "{\"clickId\":\"c5\",\"programId\":\"acme\",\"sessionId\":\"s4\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:00:00Z\"}");
    private static final List<String> CONVERSIONS = List.of(
            "{\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[\"summer10\"],\"amount\":\"59.90\",\"currency\":\"USD\"}",
            "{\"conversionId\":\"o2\",\"programId\":\"acme\",\"sessionId\":\"s2\",\"timestamp\":\"2026-06-01T10:15:00Z\",\"promoCodes\":[\"VIP123\"]}",
            "{\"conversionId\":\"o3\",\"programId\":\"acme\",\"sessionId\":\"s3\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[\"save20\"]}",
            "{\"conversionId\":\"o4\",\"programId\":\"acme\",\"sessionId\":\"s4\",\"timestamp\":\"2026-06-01T10:05:00Z\"}",
            "{\"conversionId\":\"o5\",\"programId\":\"acme\",\"sessionId\":\"s4\",\"timestamp\":\"2026-06-01T10:06:00Z\",\"promoCodes\":[\"VIP999\"]}",
            "{\"conversionId\":\"o6\",\"programId\":\"acme\",\"timestamp\":\"2026-06-01T10:07:00Z\",\"promoCodes\":[\"VIP555\"]}",
            "{\"conversionId\":\"o7\",\"programId\":\"acme\",\"timestamp\":\"2026-06-01T10:08:00Z\",\"promoCodes\":[\"gone\",\"OLD5\"]}",
            "{\"conversionId\":\"o8\",\"programId\":\"acme\",\"sessionId\":\"s3\",\"timestamp\":\"2026-06-01T10:07:00Z\"}",
            "{\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[\"summer10\"],\"amount\":\"59.90\",\"currency\":\"USD\"}",
            "{\"conversionId\":\"o9\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:09:00Z\",\"amount\":\"-5\"}");
    private static final Duration CODES_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper mapper = new ObjectMapper();
    private Path dir;
    private LocalStack stack;
    private LocalPipeline pipeline;
    private Path config;

    private record Run(int exitCode, List<String> out, String err) {
    }

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        stack = LocalStack.temporary().start();
        pipeline = LocalPipeline.start(stack, null);
        config = dir.resolve("cluster.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            pipeline.connection().store(writer, null);
        }
    }

    @AfterAll
    void stop() {
        try (LocalStack closing = stack) {
            pipeline.close();
        }
    }

    @Test
    void decisionsOfProducedEventsAreTheOnesSimulateMakes() throws Exception {
        Run codes = cli("produce", "--config", config.toString(), "promo-codes", file("codes", CODES));
        assertThat(codes.exitCode()).isZero();
        assertThat(codes.out()).containsExactly("sent 5 records to promo-codes, rejected 1 lines");
        assertThat(codes.err()).contains("line 6: UNKNOWN_ENUM: unknown matchType FUZZY");
        pipeline.awaitCodes(5, CODES_TIMEOUT);
        assertThat(cli("produce", "--config", config.toString(), "promo-codes", file("deletes", DELETES)).exitCode())
                .isZero();
        pipeline.awaitCodes(4, CODES_TIMEOUT);
        assertThat(cli("produce", "--config", config.toString(), "clicks", file("clicks", CLICKS)).out())
                .containsExactly("sent 5 records to clicks, rejected 0 lines");
        assertThat(cli("produce", "--config", config.toString(), "conversions", file("conversions", CONVERSIONS))
                .out()).containsExactly("sent 10 records to conversions, rejected 0 lines");

        List<String> expected = withoutDecidedAt(simulated());
        assertThat(expected).hasSize(8);
        List<String> consumed = new ArrayList<>();
        for (String topic : List.of("conversions-credited", "conversions-invalid", "conversions-unattributed")) {
            long count = expected.stream().filter(line -> line.contains(outcomeOf(topic))).count();
            Run run = cli("consume", "--config", config.toString(), topic, "--from-beginning", "--max",
                    Long.toString(count), "--timeout", "PT30S");
            assertThat(run.exitCode()).isZero();
            consumed.addAll(run.out());
        }
        assertThat(withoutDecidedAt(consumed)).containsExactlyInAnyOrderElementsOf(expected);

        Run deadLetters = cli("consume", "--config", config.toString(), "attribution-dlq", "--from-beginning",
                "--max", "1", "--timeout", "PT30S");
        assertThat(deadLetters.out()).singleElement().asString()
                .startsWith("{\"key\":\"s1\",\"headers\":{\"dlq.reason\":\"NEGATIVE_AMOUNT\"")
                .contains("\"value_base64\":");
    }

    @Test
    void aMissingFileIsAnError() {
        Run run = cli("produce", "--config", config.toString(), "clicks", dir.resolve("nope.jsonl").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("cannot read ");
    }

    /** What simulate decides for the same events in the same order, every field. */
    private List<String> simulated() throws IOException {
        List<String> typed = new ArrayList<>();
        CODES.forEach(line -> typed.add(typed("promo_code", line)));
        DELETES.forEach(line -> typed.add(typed("promo_code_delete", line)));
        CLICKS.forEach(line -> typed.add(typed("click", line)));
        CONVERSIONS.forEach(line -> typed.add(typed("conversion", line)));
        return cli("simulate", "--full", file("all", typed)).out().stream()
                .filter(line -> !line.startsWith("{\"type\":\"rejected\"")).toList();
    }

    private static String typed(String type, String line) {
        return "{\"type\":\"" + type + "\"," + line.substring(1);
    }

    private static String outcomeOf(String topic) {
        return "\"outcome\":\"" + topic.substring("conversions-".length()).toUpperCase() + "\"";
    }

    /** decidedAt is the wall clock of the deciding: the one field that differs between two runs. */
    private List<String> withoutDecidedAt(List<String> lines) {
        return lines.stream().map(line -> {
            try {
                ObjectNode json = (ObjectNode) mapper.readTree(line);
                json.remove("decidedAt");
                return json.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private String file(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name + ".jsonl"), lines).toString();
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString().lines().toList(), err.toString());
    }
}
