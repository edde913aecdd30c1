package org.promoattribution.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC "Limits" for commission terms, in numbers that matter for a small instance's heap: terms at
 * every limit (1,000 codeRates and 1,000 categoryRates, every key and id 256 characters, no key
 * shared between terms) each take about 0.6 MB in the live terms index (README "Limits"), and
 * nothing bounds how many terms there are. {@value #TERMS} of them, an order decided after every
 * tenth, in a child JVM with {@code -Xmx256m}: every order is decided with the commission of its
 * partner's terms, the last ones too.
 */
class TermsAtTheLimitsSmallHeapTest {
    private static final int TERMS = 100;
    private static final int RATES = 1_000;
    private static final int LONGEST = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHundredTermsAtEveryLimitKeepThePipelineDecidingWithCommissionInA256MbHeap(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path input = dir.resolve("terms.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int t = 0; t < TERMS; t++) {
                out.write(termsLine(t));
                out.newLine();
                if (t % 10 == 9) {
                    for (String line : orderOf(t)) {
                        out.write(line);
                        out.newLine();
                    }
                }
            }
        }

        List<String> printed = SmallHeapSimulate.run(input, dir);

        assertThat(printed).noneMatch(l -> l.startsWith("{\"type\":\"rejected\""));
        List<String> decisions = printed.stream().filter(l -> l.contains("\"outcome\"")).toList();
        assertThat(decisions).hasSize(2 * TERMS / 10);
        for (int t = 9; t < TERMS; t += 10) {
            // 100.00 of shoes at the category rate 10 % + flat 0.5; through the code: 12 % + 1
            assertCredited(decisions, "o-" + t, "LAST_CLICK", "10.5", padded("t", t));
            assertCredited(decisions, "o-code-" + t, "PROMO_CODE_ALWAYS", "13", padded("t", t));
        }
    }

    private static void assertCredited(List<String> decisions, String conversionId, String reason, String commission,
                                       String termsId) throws IOException {
        List<String> of = decisions.stream().filter(l -> l.contains("\"conversionId\":\"" + conversionId + "\""))
                .toList();
        assertThat(of).as(conversionId).hasSize(1);
        JsonNode decision = JSON.readTree(of.get(0));
        assertThat(decision.get("reason").asText()).as(conversionId).isEqualTo(reason);
        assertThat(new BigDecimal(decision.get("commission").asText())).as(conversionId)
                .isEqualByComparingTo(commission);
        assertThat(decision.get("termsId").asText()).as(conversionId).isEqualTo(termsId);
    }

    /** Terms of partner t at every limit; the last category is "shoes", the last code rate its promo code's. */
    private static String termsLine(int t) {
        StringBuilder line = new StringBuilder("{\"type\":\"commission_terms\",\"termsId\":\"").append(padded("t", t))
                .append("\",\"programId\":\"acme\",\"partnerId\":\"").append(padded("p", t))
                .append("\",\"referralWindow\":\"P90D\",\"rate\":\"5.1234\",\"flat\":\"0.5\",\"codeRates\":{");
        for (int i = 0; i < RATES; i++) {
            String key = i == RATES - 1 ? padded("pc", t) : padded("code-" + t + "-", i);
            line.append(i == 0 ? "" : ",").append('"').append(key).append("\":{\"rate\":\"12\",\"flat\":\"1\"}");
        }
        line.append("},\"categoryRates\":{");
        for (int i = 0; i < RATES; i++) {
            String key = i == RATES - 1 ? "shoes" : padded("category-" + t + "-", i);
            line.append(i == 0 ? "" : ",").append('"').append(key).append("\":\"").append(i == RATES - 1 ? "10" : "7.5")
                    .append('"');
        }
        return line.append("}}").toString();
    }

    /** A click of partner t and its order; an ALWAYS code of partner t and an order typing it. */
    private static List<String> orderOf(int t) {
        String partner = padded("p", t);
        String items = ",\"amount\":\"100.00\",\"currency\":\"USD\",\"items\":[{\"sku\":\"sku-1\",\"category\":\"shoes\","
                + "\"quantity\":2,\"unitPrice\":\"50.00\"}]}";
        return List.of(
                "{\"type\":\"click\",\"clickId\":\"c-" + t + "\",\"programId\":\"acme\",\"sessionId\":\"s-" + t
                        + "\",\"partnerId\":\"" + partner + "\",\"timestamp\":\"2026-06-01T10:00:00Z\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o-" + t + "\",\"programId\":\"acme\",\"sessionId\":\"s-"
                        + t + "\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[]" + items,
                "{\"type\":\"promo_code\",\"promoCodeId\":\"" + padded("pc", t) + "\",\"programId\":\"acme\","
                        + "\"code\":\"CODE" + t + "\",\"matchType\":\"EXACT\",\"partnerId\":\"" + partner
                        + "\",\"creditPolicy\":\"ALWAYS\"}",
                "{\"type\":\"conversion\",\"conversionId\":\"o-code-" + t + "\",\"programId\":\"acme\",\"sessionId\":"
                        + "\"s-code-" + t + "\",\"timestamp\":\"2026-06-01T10:06:00Z\",\"promoCodes\":[\"code" + t + "\"]"
                        + items);
    }

    /** An id or key of the longest length allowed, unique by prefix and number. */
    private static String padded(String prefix, int number) {
        String tail = "-" + number;
        return prefix + "x".repeat(LONGEST - prefix.length() - tail.length()) + tail;
    }
}
