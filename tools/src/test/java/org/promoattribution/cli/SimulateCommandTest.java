package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.simulate.InputLines;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** SPEC "Offline simulation": the command's output, line by line. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    /** A conversion that every run below must still decide after the line under test. */
    private static final String NEXT_EVENT = "{\"type\":\"conversion\",\"conversionId\":\"next\",\"programId\":\"acme\","
            + "\"timestamp\":\"2026-06-01T10:05:00Z\"}";
    private static final String NEXT_DECISION = "{\"conversionId\":\"next\",\"outcome\":\"UNATTRIBUTED\","
            + "\"reason\":\"NO_CLICK_NO_CODE\",\"partnerId\":null,\"basis\":null,\"promoCodeId\":null,\"promoCode\":null,"
            + "\"dealId\":null,\"clickId\":null,\"unmatchedCodes\":[]}";

    private static final String BEFORE_THE_POINT =
            "LIMIT_EXCEEDED: limit amount decimal(20,4): amount has more than 16 digits before the decimal point";
    private static final String AFTER_THE_POINT =
            "LIMIT_EXCEEDED: limit amount decimal(20,4): amount has more than 4 digits after the decimal point";

    private record Run(int exitCode, List<String> lines) {
    }

    private Run simulate(String... args) {
        return simulate(new StringWriter(), args);
    }

    private Run simulate(StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString().lines().toList());
    }

    private String file(String... lines) throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, List.of(lines));
        return file.toString();
    }

    private String bytesFile(byte[] content) throws IOException {
        return Files.write(dir.resolve("events.jsonl"), content).toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static String rejected(int line, String error) {
        return "{\"type\":\"rejected\",\"line\":" + line + ",\"error\":\"" + error + "\"}";
    }

    private static String conversion(String fields) {
        return "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\","
                + "\"timestamp\":\"2026-06-01T10:05:00Z\"," + fields + "}";
    }

    private static String click(String fields) {
        return "{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"partnerId\":\"blog\","
                + fields + "}";
    }

    /** The lines are rejected with these errors, in order, and the event after them is still decided. */
    private void assertRejectedAndTheRunGoesOn(List<String> lines, String... errors) throws IOException {
        List<String> input = new ArrayList<>(lines);
        input.add(NEXT_EVENT);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            expected.add(rejected(i + 1, errors[i]));
        }
        expected.add(NEXT_DECISION);
        assertThat(simulate("simulate", file(input.toArray(String[]::new)))).isEqualTo(new Run(0, expected));
    }

    /** The decision printed by --full for one conversion line. */
    private String fullDecision(String conversionLine) throws IOException {
        Run run = simulate("simulate", "--full", file(conversionLine));
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(1);
        return run.lines().get(0);
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
    void usageOptionPrintsTheSpecExamplesFiguresAfterItsDecision() throws URISyntaxException {
        String example = Path.of(getClass().getResource("/simulate/spec-example.jsonl").toURI()).toString();
        Run run = simulate("simulate", "--usage", example);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(1)).isEqualTo("{\"type\":\"usage\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\","
                + "\"partnerId\":\"blog\",\"day\":\"2026-06-01\",\"uses\":1,\"credited\":1,\"invalid\":0,"
                + "\"withoutOwnerClick\":0,\"leaking\":false}");
    }

    @Test
    void usageLinesComeAfterAllDecisionsOrderedByPromoCodeIdThenDay() throws IOException {
        String code = "{\"type\":\"promo_code\",\"promoCodeId\":\"%s\",\"programId\":\"acme\",\"code\":\"%s\","
                + "\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"IF_WINNER\"}";
        String order = "{\"type\":\"conversion\",\"conversionId\":\"%s\",\"programId\":\"acme\","
                + "\"timestamp\":\"%s\",\"promoCodes\":[%s]}";
        Run run = simulate("simulate", "--usage", file(
                String.format(code, "pc-b", "B"),
                String.format(code, "pc-a", "A"),
                String.format(order, "o1", "2026-06-02T10:00:00Z", "\"B\""),
                String.format(order, "o2", "2026-06-01T23:59:59Z", "\"B\",\"A\""),
                String.format(order, "o3", "2026-06-02T00:00:00Z", "\"b\",\"B\""),
                String.format(order, "o4", "2026-06-02T09:00:00Z", "\"C\"")));
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().subList(0, 4)).allMatch(line -> line.startsWith("{\"conversionId\""));
        assertThat(run.lines().subList(4, 7)).extracting(line -> line.replaceAll(
                        ".*\"promoCodeId\":\"([^\"]+)\".*\"day\":\"([^\"]+)\",\"uses\":(\\d+).*", "$1 $2 $3"))
                .containsExactly("pc-a 2026-06-01 1", "pc-b 2026-06-01 1", "pc-b 2026-06-02 2");
    }

    @Test
    void withoutUsageOptionNoUsageLines() throws URISyntaxException {
        String example = Path.of(getClass().getResource("/simulate/spec-example.jsonl").toURI()).toString();
        assertThat(simulate("simulate", example).lines()).noneMatch(line -> line.contains("\"usage\""));
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

    /** ISO-8601 weeks (PnW) in every duration option, as in every duration setting. */
    @Test
    void durationOptionsReadWeeks() throws IOException {
        String events = file(
                "{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"partnerId\":\"blog\",\"timestamp\":\"2026-05-24T10:00:00Z\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\"}");
        assertThat(simulate("simulate", "--referral-window", "P1W", events).lines().get(0)).contains("NO_CLICK_NO_CODE");
        assertThat(simulate("simulate", "--referral-window", "P2W", "--decision-delay", "P1W", events).lines().get(0))
                .contains("LAST_CLICK");

        StringWriter err = new StringWriter();
        assertThat(simulate(err, "simulate", "--referral-window", "1W", events).exitCode()).isEqualTo(2);
        assertThat(err.toString()).contains("'1W' is not an ISO-8601 duration such as P30D, P2W or PT10M")
                .doesNotContain("\tat ");
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
    void aMissingFileIsAUsageErrorNotAnEmptyRun() {
        StringWriter err = new StringWriter();
        assertThat(simulate(err, "simulate", dir.resolve("nope.jsonl").toString()).exitCode()).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the input file").doesNotContain("\tat ");
    }

    @Test
    void aDirectoryAsTheInputFileIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(simulate(err, "simulate", dir.toString()).exitCode()).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the input file", "it is a directory").doesNotContain("\tat ");
    }

    @Test
    void aNowBefore1970OrPast9999IsAUsageError_theLastMillisecondOf9999Runs() throws IOException {
        String events = file(NEXT_EVENT);
        for (String now : List.of("+292278994-08-17T07:12:55.807Z", "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z")) {
            StringWriter err = new StringWriter();
            assertThat(simulate(err, "simulate", "--now", now, events).exitCode()).as(now).isEqualTo(2);
            assertThat(err.toString()).contains("from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z")
                    .doesNotContain("\tat ");
        }
        assertThat(simulate("simulate", "--now", "9999-12-31T23:59:59.999Z", events).exitCode()).isZero();
    }

    /** Found by a hostile review: the decision-time metric overflowed nanoseconds and lost the order. */
    @Test
    void aDecisionCenturiesAfterItsOrder_isStillDecided() throws IOException {
        String events = file(NEXT_EVENT);
        assertThat(simulate("simulate", "--now", "2400-01-01T00:00:00Z", events).lines()).hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("\"conversionId\":\"next\"", "UNATTRIBUTED"));
        assertThat(simulate("simulate", "--now", "2026-06-10T00:00:00Z", "--decision-delay", "P80000D", events).lines())
                .hasSize(1).allSatisfy(line -> assertThat(line).contains("\"conversionId\":\"next\"", "UNATTRIBUTED"));
    }

    @Test
    void aBadOrMistypedSettingIsAUsageErrorNamingIt() throws IOException {
        String events = file(NEXT_EVENT);
        Path config = Files.writeString(dir.resolve("bad.properties"), "lock.period=P2M\n");
        StringWriter err = new StringWriter();
        Run run = simulate(err, "simulate", "--config", config.toString(), events);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(err.toString()).contains("lock.period must be an ISO-8601 duration").doesNotContain("\tat ");

        Files.writeString(config, "referal.window=P7D\n");
        StringWriter typo = new StringWriter();
        assertThat(simulate(typo, "simulate", "--config", config.toString(), events).exitCode()).isEqualTo(2);
        assertThat(typo.toString()).contains("did you mean referral.window?");

        StringWriter negative = new StringWriter();
        assertThat(simulate(negative, "simulate", "--decision-delay", "-PT1M", events).exitCode()).isEqualTo(2);
        assertThat(negative.toString()).contains("decision.delay");
    }

    @Test
    void aLineThatIsNotValidUtf8IsRejectedAndTheNextLineStillRuns() throws IOException {
        byte[] badLine = concat(bytes("{\"type\":\"click\",\"clickId\":\"c"), new byte[] {(byte) 0xC3, (byte) 0x28},
                bytes("\"}\n"));
        Run run = simulate("simulate", bytesFile(concat(badLine, bytes(NEXT_EVENT + "\n"))));
        assertThat(run).isEqualTo(new Run(0, List.of(rejected(1, "UNDECODABLE: line 1 is not valid UTF-8"), NEXT_DECISION)));
    }

    @Test
    void aTimestampThatEpochMillisecondsCannotHoldIsAnInvalidTimestamp() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(
                        click("\"timestamp\":\"+999999999-01-01T00:00:00Z\""),
                        click("\"timestamp\":9223372036854775808"),
                        click("\"timestamp\":1e30"),
                        click("\"timestamp\":1.5")),
                "INVALID_TIMESTAMP: timestamp is out of the range of epoch milliseconds: +999999999-01-01T00:00:00Z",
                "INVALID_TIMESTAMP: timestamp is not a whole number of epoch milliseconds that fits a long: "
                        + "9223372036854775808",
                "INVALID_TIMESTAMP: timestamp is not a whole number of epoch milliseconds that fits a long: 1E+30",
                "INVALID_TIMESTAMP: timestamp is not a whole number of epoch milliseconds that fits a long: 1.5");
    }

    @Test
    void epochMillisecondsAndIsoInstantsAreBothTimestamps() throws IOException {
        Run run = simulate("simulate", "--full", file(
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"timestamp\":1780308300000}",
                "{\"type\":\"conversion\",\"conversionId\":\"o2\",\"programId\":\"acme\",\"timestamp\":\"2026-06-01T12:05:00+02:00\"}"));
        assertThat(run.lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"timestamp\":\"2026-06-01T10:05:00Z\""));
    }

    @Test
    void aScheduleBoundThatEpochMillisecondsCannotHoldIsAnInvalidSchedule() throws IOException {
        String code = "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\",\"code\":\"X\","
                + "\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\",";
        assertRejectedAndTheRunGoesOn(List.of(
                        code + "\"validTo\":\"+999999999-12-31T00:00:00Z\"}",
                        code + "\"validFrom\":-9223372036854775809}"),
                "INVALID_SCHEDULE: validTo is out of the range of epoch milliseconds: +999999999-12-31T00:00:00Z",
                "INVALID_SCHEDULE: validFrom is not a whole number of epoch milliseconds that fits a long: "
                        + "-9223372036854775809");
    }

    @Test
    void anAmountBeyondDecimal20Scale4ExceedsTheLimit() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(
                        conversion("\"amount\":\"1.00001\""),
                        conversion("\"amount\":\"12345678901234567\""),
                        conversion("\"amount\":12345678901234567.5"),
                        conversion("\"amount\":\"1.000000000000000000000000000000000001\"")),
                AFTER_THE_POINT, BEFORE_THE_POINT, BEFORE_THE_POINT, AFTER_THE_POINT);
    }

    @Test
    void trailingZerosBeyondFourDecimalPlacesAreFine() throws IOException {
        assertThat(fullDecision(conversion("\"amount\":\"1.50000\""))).contains("\"amount\":\"1.50\"");
        assertThat(fullDecision(conversion("\"amount\":\"1.000000000000000000000000000000\"")))
                .contains("\"amount\":\"1.00\"");
        assertThat(fullDecision(conversion("\"amount\":\"9999999999999999.9999\"")))
                .contains("\"amount\":\"9999999999999999.9999\"");
    }

    @Test
    void aHugeExponentAmountIsRejectedAtOnceNotExpanded() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertRejectedAndTheRunGoesOn(List.of(
                        conversion("\"amount\":\"1e1000000000\""),
                        conversion("\"amount\":1e1000000000"),
                        conversion("\"amount\":\"1e2147483647\""),
                        conversion("\"amount\":\"100e2147483647\""),
                        conversion("\"amount\":\"1e-1000000000\"")),
                BEFORE_THE_POINT, BEFORE_THE_POINT, BEFORE_THE_POINT,
                "LIMIT_EXCEEDED: amount is beyond decimal(20,4)", AFTER_THE_POINT));
    }

    @Test
    void anAmountAsAJsonNumberIsReadExactlyNotThroughADouble() throws IOException {
        // As a double, 12345678901234.5678 would be 12345678901234.568.
        assertThat(fullDecision(conversion("\"amount\":12345678901234.5678")))
                .contains("\"amount\":\"12345678901234.5678\"");
    }

    @Test
    void anAmountThatIsNeitherADecimalStringNorANumberIsRejected() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(
                        conversion("\"amount\":true"),
                        conversion("\"amount\":{\"value\":\"1\"}"),
                        conversion("\"amount\":\"12,50\"")),
                "UNDECODABLE: amount must be a decimal string or a number, not a boolean",
                "UNDECODABLE: amount must be a decimal string or a number, not an object",
                "UNDECODABLE: amount is not a decimal number: 12,50");
    }

    @Test
    void aNumberOrBooleanWhereAStringIsExpectedIsRejectedNotCoerced() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(
                        "{\"type\":\"click\",\"clickId\":42,\"programId\":\"acme\",\"sessionId\":\"s1\",\"partnerId\":\"blog\","
                                + "\"timestamp\":\"2026-06-01T10:00:00Z\"}",
                        click("\"timestamp\":\"2026-06-01T10:00:00Z\",\"referrer\":true"),
                        conversion("\"currency\":840"),
                        "{\"type\":7}"),
                "UNDECODABLE: clickId must be a string, not a number",
                "UNDECODABLE: referrer must be a string, not a boolean",
                "UNDECODABLE: currency must be a string, not a number",
                "UNDECODABLE: type must be a string, not a number");
    }

    @Test
    void anObjectOrArrayWhereAScalarIsExpectedIsRejected() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(
                        conversion("\"customerId\":{\"id\":\"u1\"}"),
                        conversion("\"currency\":[\"USD\"]"),
                        click("\"timestamp\":{\"epoch\":1}"),
                        conversion("\"promoCodes\":\"SUMMER10\"")),
                "UNDECODABLE: customerId must be a string, not an object",
                "UNDECODABLE: currency must be a string, not an array",
                "UNDECODABLE: timestamp must be an ISO-8601 string or epoch milliseconds, not an object",
                "UNDECODABLE: promoCodes must be an array of strings, not a string");
    }

    @Test
    void aNullOrNumberInsidePromoCodesIsRejected() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(
                        conversion("\"promoCodes\":[\"SUMMER10\",null]"),
                        conversion("\"promoCodes\":[10]")),
                "UNDECODABLE: promoCodes[1] must be a string, not null",
                "UNDECODABLE: promoCodes[0] must be a string, not a number");
    }

    @Test
    void extremelyDeepNestingAndOverlongNumbersAreRejectedByTheParsersLimits() throws IOException {
        Run run = simulate("simulate", file(
                conversion("\"extra\":" + "[".repeat(100_000)),
                conversion("\"extra\":" + "9".repeat(5_000)),
                NEXT_EVENT));
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).startsWith(
                "{\"type\":\"rejected\",\"line\":1,\"error\":\"UNDECODABLE: not JSON: Document nesting depth (1001) exceeds");
        assertThat(run.lines().get(1)).startsWith(
                "{\"type\":\"rejected\",\"line\":2,\"error\":\"UNDECODABLE: not JSON: Number value length (5000) exceeds");
        assertThat(run.lines().get(2)).isEqualTo(NEXT_DECISION);
    }

    @Test
    void aLineLongerThanTheLineLimitIsRejectedWithoutBeingHeld() throws IOException {
        String longLine = conversion("\"customerId\":\"" + "x".repeat(InputLines.MAX_LINE_BYTES) + "\"");
        Run run = simulate("simulate", file(longLine, NEXT_EVENT));
        assertThat(run).isEqualTo(new Run(0, List.of(
                rejected(1, "LIMIT_EXCEEDED: line 1 is longer than " + InputLines.MAX_LINE_BYTES + " bytes"),
                NEXT_DECISION)));
    }

    @Test
    void aRawNulByteIsNotJsonButAnEscapedOneIsACharacter() throws IOException {
        Run run = simulate("simulate", file(
                conversion("\"promoCodes\":[\"a\u0000b\"]"),
                conversion("\"promoCodes\":[\"a\\u0000b\"]").replace("o1", "o2"),
                NEXT_EVENT));
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).isEqualTo(rejected(1, "UNDECODABLE: not JSON: Illegal unquoted character "
                + "((CTRL-CHAR, code 0)): has to be escaped using backslash to be included in string value"));
        assertThat(run.lines().get(1)).contains("\"conversionId\":\"o2\"", "\"unmatchedCodes\":[\"a\\u0000b\"]");
        assertThat(run.lines().get(2)).isEqualTo(NEXT_DECISION);
    }

    @Test
    void aByteOrderMarkAtTheStartOfALineIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Run run = simulate("simulate", bytesFile(concat(bom, bytes(NEXT_EVENT.replace("next", "o1") + "\n"),
                bom, bytes(NEXT_EVENT + "\n"))));
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("{\"conversionId\":\"o1\",\"outcome\":\"UNATTRIBUTED\"");
        assertThat(run.lines().get(1)).isEqualTo(NEXT_DECISION);
    }

    @Test
    void crlfLineEndsWorkAndBlankLinesAreSkippedButCounted() throws IOException {
        Run run = simulate("simulate", bytesFile(bytes("\r\n   \r\n\t\n" + "{\"type\":\"refund\"}\r\n" + NEXT_EVENT + "\r\n")));
        assertThat(run).isEqualTo(new Run(0, List.of(rejected(4, "UNDECODABLE: unknown event type refund (expected"
                + " click, conversion, promo_code, promo_code_delete, commission_terms, commission_terms_delete or"
                + " adjustment)"), NEXT_DECISION)));
    }

    @Test
    void aFieldGivenTwiceIsRejected() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(conversion("\"amount\":\"1\",\"amount\":\"1000\"")),
                "UNDECODABLE: not JSON: Duplicate field 'amount'");
    }

    @Test
    void anythingAfterTheEventOnItsLineIsRejected() throws IOException {
        Run run = simulate("simulate", file(NEXT_EVENT + " " + NEXT_EVENT, NEXT_EVENT));
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith(rejected(1, "UNDECODABLE: not JSON: Trailing token").replace("\"}", ""));
        assertThat(run.lines().get(1)).isEqualTo(NEXT_DECISION);
    }

    @Test
    void unknownFieldsAreIgnored() throws IOException {
        Run run = simulate("simulate", file(conversion("\"colour\":\"red\",\"extra\":{\"deep\":[1,{}]}")));
        assertThat(run.lines()).singleElement().asString()
                .startsWith("{\"conversionId\":\"o1\",\"outcome\":\"UNATTRIBUTED\"");
    }

    @Test
    void aLoneSurrogateIsNotValidUnicode() throws IOException {
        assertRejectedAndTheRunGoesOn(List.of(conversion("\"promoCodes\":[\"\\ud800\"]")),
                "UNDECODABLE: promoCodes[0] is not valid Unicode (an unpaired surrogate)");
    }

    @Test
    void nowOptionSetsTheWallClock() throws IOException {
        Run run = simulate("simulate", "--full", "--now", "2026-06-02T08:00:00Z", file(NEXT_EVENT));
        assertThat(run.lines()).singleElement().asString().contains("\"decidedAt\":\"2026-06-02T08:00:00Z\"");
    }

    @Test
    void withoutNowTheWallClockIsTheMachinesClock() throws IOException {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Run run = simulate("simulate", "--full", file(NEXT_EVENT));
        String decidedAt = run.lines().get(0).replaceAll(".*\"decidedAt\":\"([^\"]+)\".*", "$1");
        assertThat(Instant.parse(decidedAt)).isBetween(before, Instant.now());
    }

    @Test
    void aBadNowIsAUsageError() throws IOException {
        StringWriter err = new StringWriter();
        Run run = simulate(err, "simulate", "--now", "yesterday", file(NEXT_EVENT));
        assertThat(run).isEqualTo(new Run(2, List.of()));
        assertThat(err.toString()).contains("Invalid value for option '--now': 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void anEventTimeBefore1970ReachesThePipelineInsteadOfFailingTheLine() throws IOException {
        Run run = simulate("simulate", file(conversion("\"customerId\":null").replace("2026-06-01T10:05:00Z",
                "1969-12-31T23:00:00Z"), NEXT_EVENT));
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).doesNotContain("PROCESSING_ERROR");
        assertThat(run.lines().get(1)).isEqualTo(NEXT_DECISION);
    }
}
