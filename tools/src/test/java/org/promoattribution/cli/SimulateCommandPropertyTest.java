package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * simulate never crashes: whatever the bytes of its input, it reads them to the end, exits 0, and
 * every line but a blank one prints exactly one line in its place. The lines are random bytes,
 * blank lines, or conversions (each with its own conversionId, so no line is a duplicate) whose
 * fields hold random JSON values, sometimes cut short or with a stray character: each such line
 * is decided or rejected, never both, never silently.
 */
class SimulateCommandPropertyTest {
    private static final String ID = "%ID%";

    /** One input line and whether it must print a line of its own. */
    private record InputLine(byte[] bytes, boolean answered) {
    }

    @Property(tries = 25)
    void everyLineThatIsNotBlankPrintsExactlyOneLineAndTheRunEnds(@ForAll("inputs") List<InputLine> lines,
                                                                  @ForAll boolean finalNewline) throws IOException {
        Path file = Files.createTempFile("simulate-property", ".jsonl");
        try {
            Files.write(file, join(lines, finalNewline));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = PromoAttributionCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("simulate", file.toString());

            assertThat(exitCode).as(err.toString()).isZero();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).answered()) {
                    expected.add(String.valueOf(i + 1));
                }
            }
            assertThat(out.toString().lines().map(SimulateCommandPropertyTest::lineAnswered).toList())
                    .as(out.toString()).isEqualTo(expected);
        } finally {
            Files.delete(file);
        }
    }

    /** The input line an output line answers: a rejected line's number, or the N of conversion oN (oN] too). */
    private static String lineAnswered(String output) {
        String rejected = "{\"type\":\"rejected\",\"line\":";
        if (output.startsWith(rejected)) {
            return output.substring(rejected.length(), output.indexOf(',', rejected.length()));
        }
        String decision = "{\"conversionId\":\"o";
        assertThat(output).startsWith(decision);
        // The line number's digits: a stray character may follow them inside the id (a cut-short field).
        int end = decision.length();
        while (Character.isDigit(output.charAt(end))) {
            end++;
        }
        return output.substring(decision.length(), end);
    }

    private static byte[] join(List<InputLine> lines, boolean finalNewline) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            all.writeBytes(new String(lines.get(i).bytes(), StandardCharsets.ISO_8859_1)
                    .replace(ID, "o" + (i + 1)).getBytes(StandardCharsets.ISO_8859_1));
            if (i < lines.size() - 1 || finalNewline) {
                all.write('\n');
            }
        }
        return all.toByteArray();
    }

    @Provide
    Arbitrary<List<InputLine>> inputs() {
        return Arbitraries.frequencyOf(
                        weighted(5, conversions()),
                        weighted(2, randomBytes()),
                        weighted(1, blank()))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    private static Arbitrary<InputLine> blank() {
        return Arbitraries.of("", " ", "\t", "\r", "  \r").map(s -> new InputLine(utf8(s), false));
    }

    /** Any bytes but '\n', with one visible character somewhere so that the line is not blank. */
    private static Arbitrary<InputLine> randomBytes() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Combinators.combine(bytes, Arbitraries.integers().greaterOrEqual(0), Arbitraries.chars().range('!', '~'))
                .as((raw, at, visible) -> {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int position = at % (raw.length + 1);
                    for (int i = 0; i <= raw.length; i++) {
                        if (i == position) {
                            line.write(visible);
                        }
                        if (i < raw.length) {
                            line.write(raw[i] == '\n' ? '{' : raw[i]);
                        }
                    }
                    return new InputLine(line.toByteArray(), true);
                });
    }

    /** A conversion whose fields hold random JSON, sometimes cut short or with a stray character. */
    private static Arbitrary<InputLine> conversions() {
        Arbitrary<Map<String, String>> changes = Arbitraries.maps(fieldName(), value(2)).ofMaxSize(4);
        Arbitrary<String> json = Combinators.combine(changes, Arbitraries.of(true, false, false, false))
                .as((fields, duplicate) -> {
                    Map<String, String> all = new LinkedHashMap<>();
                    all.put("programId", "\"acme\"");
                    all.put("timestamp", "\"2026-06-01T10:05:00Z\"");
                    all.putAll(fields);
                    String body = all.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                            .collect(Collectors.joining(","));
                    return "{\"type\":\"conversion\",\"conversionId\":\"" + ID + "\"," + body
                            + (duplicate ? ",\"programId\":\"acme\"" : "") + "}";
                });
        Arbitrary<String> damaged = Combinators.combine(json, Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().greaterOrEqual(0), Arbitraries.of("{", "\"", "\\", ",", "]", " ", "\u0000", "é", "\r"))
                .as((line, damage, at, stray) -> {
                    // Never at 0 (the line would be blank) nor inside the id (it would no longer be the line's).
                    int id = line.indexOf(ID);
                    int position = 1 + at % (line.length() - 1);
                    if (position >= id && position < id + ID.length()) {
                        position = id - 1;
                    }
                    return switch (damage) {
                        case 0 -> line.substring(0, position);
                        case 1 -> line.substring(0, position) + stray + line.substring(position);
                        default -> line;
                    };
                });
        return damaged.map(line -> new InputLine(utf8(line), true));
    }

    private static Arbitrary<String> fieldName() {
        return Arbitraries.oneOf(
                Arbitraries.of("programId", "sessionId", "timestamp", "promoCodes", "amount", "currency", "customerId"),
                Arbitraries.strings().ofMaxLength(8));
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(SimulateCommandPropertyTest::quote),
                Arbitraries.of("true", "false", "null", "\"\"", "\"\\ud800\"", "\"2026-06-01T10:00:00Z\"",
                        "\"+999999999-01-01T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"", "1780308300000", "-1",
                        "\"59.90\"", "59.90", "-0", "1e1000000000", "\"1e1000000000\"", "-1e-1000000000", "1.00001",
                        "9999999999999999.9999", "12345678901234567", "1e30", "[\"SUMMER10\",null]", "[]", "{}",
                        "\"" + "x".repeat(2_000) + "\""),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(String::valueOf),
                Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n)));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), value(depth - 1)).ofMaxSize(3)
                .map(fields -> fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
        return Arbitraries.frequencyOf(weighted(4, scalar), weighted(1, array), weighted(1, object));
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
