package org.promoattribution.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's reproduction, SPEC "Limits" (matching is linear and bounded): seven REGEX definitions
 * of 710 characters each, {@code (?:} + {@code a?}×349 + {@code ){1000}!} + a digit, made
 * {@code simulate} run out of a 256 MB heap (RE2J kept 60-70 MB per compiled program, exit 1). In a
 * child JVM with {@code -Xmx256m}, each is now INVALID_PATTERN, named before its program is
 * built, and the orders around them are decided.
 */
class HostileDefinitionsSmallHeapTest {

    @Test
    void sevenDefinitionsThatExhaustedA256MbHeapAreInvalidPatterns_andTheOrdersAroundThemAreDecided(
            @TempDir Path dir) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"promo_code\",\"promoCodeId\":\"pc-ok\",\"programId\":\"acme\",\"code\":\"SUMMER[0-9]+\","
                + "\"matchType\":\"REGEX\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}");
        for (int i = 0; i < 7; i++) {
            String pattern = "(?:" + "a?".repeat(349) + "){1000}!" + i;
            lines.add("{\"type\":\"promo_code\",\"promoCodeId\":\"pc-" + i + "\",\"programId\":\"acme\",\"code\":\""
                    + pattern + "\",\"matchType\":\"REGEX\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}");
            lines.add("{\"type\":\"conversion\",\"conversionId\":\"o" + i + "\",\"programId\":\"acme\",\"sessionId\":"
                    + "\"s" + i + "\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[\"SUMMER" + i + "\",\""
                    + "a".repeat(900) + "!" + i + "\"]}");
        }
        Path input = dir.resolve("hostile.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);

        List<String> printed = SmallHeapSimulate.run(input, dir);
        assertThat(printed).filteredOn(l -> l.startsWith("{\"type\":\"rejected\""))
                .hasSize(7)
                .allSatisfy(l -> assertThat(l).contains("INVALID_PATTERN")
                        .contains("its program needs more than 100000 instructions"));
        assertThat(printed).filteredOn(l -> l.contains("\"outcome\""))
                .hasSize(7)
                .allSatisfy(l -> assertThat(l).contains("\"promoCodeId\":\"pc-ok\"").contains("PROMO_CODE_ALWAYS"));
    }
}
