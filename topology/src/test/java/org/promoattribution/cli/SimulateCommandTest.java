package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** SPEC "Offline simulation": the command's output, line by line. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> lines) {
    }

    private Run simulate(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString().lines().toList());
    }

    private String file(String... lines) throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, List.of(lines));
        return file.toString();
    }

    @Test
    void reproducesTheSpecExample() throws URISyntaxException {
        String example = Path.of(getClass().getResource("/simulate/spec-example.jsonl").toURI()).toString();
        assertThat(simulate("simulate", example)).isEqualTo(new Run(0, List.of(
                "{\"conversionId\":\"o1\",\"outcome\":\"CREDITED\",\"reason\":\"PROMO_CODE_WINNER\",\"partnerId\":\"blog\","
                        + "\"basis\":\"PROMO_CODE\",\"promoCodeId\":\"pc-1\",\"promoCode\":\"summer10\",\"dealId\":\"d-7\","
                        + "\"clickId\":\"c1\",\"unmatchedCodes\":[]}")));
    }

    @Test
    void badEventsPrintRejectedLinesInTheirPlaceAndTheRunGoesOn() throws IOException {
        Run run = simulate("simulate", file(
                "this is not json",
                "{\"type\":\"refund\"}",
                "{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:00:00Z\"}",
                "",
                "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\",\"code\":\"X\",\"matchType\":\"FUZZY\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}",
                "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-2\",\"programId\":\"acme\",\"code\":\"(a+)\\\\1\",\"matchType\":\"REGEX\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"amount\":\"-5\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o2\",\"programId\":\"acme\",\"timestamp\":\"2026-06-01T10:05:00Z\"}"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().get(0)).startsWith("{\"type\":\"rejected\",\"line\":1,\"error\":\"UNDECODABLE: not JSON");
        assertThat(run.lines().get(1)).startsWith("{\"type\":\"rejected\",\"line\":2,\"error\":\"UNDECODABLE: unknown event type refund");
        assertThat(run.lines().get(2)).isEqualTo(
                "{\"type\":\"rejected\",\"line\":3,\"error\":\"MISSING_FIELD: missing required field partnerId\"}");
        assertThat(run.lines().get(3)).isEqualTo(
                "{\"type\":\"rejected\",\"line\":5,\"error\":\"UNKNOWN_ENUM: unknown matchType FUZZY\"}");
        assertThat(run.lines().get(4)).startsWith("{\"type\":\"rejected\",\"line\":6,\"error\":\"INVALID_PATTERN:");
        assertThat(run.lines().get(5)).isEqualTo(
                "{\"type\":\"rejected\",\"line\":7,\"error\":\"NEGATIVE_AMOUNT: amount must not be negative: -5\"}");
        assertThat(run.lines().get(6)).startsWith("{\"conversionId\":\"o2\",\"outcome\":\"UNATTRIBUTED\"");
    }

    @Test
    void aTombstoneLineDeletesTheCode() throws IOException {
        Run run = simulate("simulate", file(
                "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\",\"code\":\"X\",\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[\"x\"]}",
                "{\"type\":\"promo_code_delete\",\"promoCodeId\":\"pc-1\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o2\",\"programId\":\"acme\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[\"x\"]}"));
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("\"reason\":\"PROMO_CODE_ALWAYS\"");
        assertThat(run.lines().get(1)).contains("\"reason\":\"NO_CLICK_NO_CODE\"", "\"unmatchedCodes\":[\"x\"]");
    }

    @Test
    void referralWindowOptionShortensTheWindow() throws IOException {
        String events = file(
                "{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T08:00:00Z\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\"}");
        assertThat(simulate("simulate", events).lines().get(0)).contains("LAST_CLICK");
        assertThat(simulate("simulate", "--referral-window", "PT1H", events).lines().get(0)).contains("NO_CLICK_NO_CODE");
    }

    @Test
    void decisionDelayCountsALateClickAndDecidesWhatIsLeftAtTheEnd() throws IOException {
        Run run = simulate("simulate", "--decision-delay", "PT10M", file(
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\"}",
                "{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:04:00Z\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o2\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:20:00Z\"}"));
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("\"conversionId\":\"o1\"", "\"clickId\":\"c1\"");
        assertThat(run.lines().get(1)).contains("\"conversionId\":\"o2\"", "\"clickId\":\"c1\"");
    }

    @Test
    void fullOptionPrintsEveryField() throws IOException {
        Run run = simulate("simulate", "--full", file(
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"amount\":59.9,\"currency\":\"USD\"}"));
        assertThat(run.lines().get(0)).contains("\"programId\":\"acme\"", "\"sessionId\":\"s1\"",
                "\"timestamp\":\"2026-06-01T10:05:00Z\"", "\"amount\":\"59.90\"", "\"currency\":\"USD\"", "\"decidedAt\":");
    }

    @Test
    void aMissingFileIsAnErrorNotAnEmptyRun() {
        assertThat(simulate("simulate", dir.resolve("nope.jsonl").toString()).exitCode()).isNotZero();
    }
}
