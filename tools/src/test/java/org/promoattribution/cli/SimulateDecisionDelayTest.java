package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC rules 8 and 9 in simulate, with a decision delay of ten minutes: as the pipeline decides. */
class SimulateDecisionDelayTest {
    @TempDir
    Path dir;

    private List<String> simulateWithDelay(String... lines) throws IOException {
        return SimulateRun.lines(dir, List.of("--decision-delay", "PT10M"), lines);
    }

    private static String click(String id, String session, String partner, String time) {
        return "{\"type\":\"click\",\"clickId\":\"" + id + "\",\"programId\":\"acme\",\"sessionId\":\"" + session
                + "\",\"partnerId\":\"" + partner + "\",\"timestamp\":\"" + time + "\"}";
    }

    private static String order(String id, String code) {
        return "{\"type\":\"conversion\",\"conversionId\":\"" + id + "\",\"programId\":\"acme\",\"sessionId\":\"s1\","
                + "\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[" + (code == null ? "" : "\"" + code + "\"")
                + "]}";
    }

    private static String code(String partner) {
        return "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\",\"code\":\"SUMMER\","
                + "\"matchType\":\"EXACT\",\"partnerId\":\"" + partner + "\",\"creditPolicy\":\"ALWAYS\"}";
    }

    @Test
    void rule8_decidedOnceStreamTimeIsStrictlyLaterThanTPlusD() throws IOException {
        List<String> decided = simulateWithDelay(order("o1", null),
                click("c2", "s9", "news", "2026-06-01T10:15:00Z"), // stream time reaches t + D: o1 still waits
                click("c3", "s1", "blog", "2026-06-01T10:04:30Z"), // late, before t: it counts
                click("c4", "s9", "news", "2026-06-01T10:15:00.001Z"), // passes t + D: o1 is decided
                click("c5", "s1", "mag", "2026-06-01T10:04:45Z")); // too late

        assertThat(decided).singleElement().asString().contains("\"reason\":\"LAST_CLICK\"", "\"clickId\":\"c3\"");
    }

    @Test
    void rule8_decidedBeforeTheRecordThatMovedStreamTimeIsProcessed() throws IOException {
        List<String> decided = simulateWithDelay(order("o1", null),
                "{\"type\":\"conversion\",\"conversionId\":\"o2\",\"programId\":\"acme\",\"sessionId\":\"s2\","
                        + "\"timestamp\":\"2026-06-01T10:15:00.001Z\"}",
                click("c3", "s1", "blog", "2026-06-01T10:04:30Z"));

        assertThat(decided).extracting(line -> line.replaceAll(".*\"conversionId\":\"([^\"]+)\".*\"reason\":\"([^\"]+)\".*",
                "$1 $2")).containsExactly("o1 NO_CLICK_NO_CODE", "o2 NO_CLICK_NO_CODE");
    }

    @Test
    void rule9_aWaitingConversionSeesTheDefinitionsLiveWhenItIsDecided() throws IOException {
        List<String> decided = simulateWithDelay(code("blog"), order("o1", "SUMMER"), code("news"),
                click("c9", "s9", "mag", "2026-06-01T10:15:00.001Z"));

        assertThat(decided).singleElement().asString().contains("\"partnerId\":\"news\"", "\"promoCodeId\":\"pc-1\"");
    }

    @Test
    void rule9_aWaitingConversionDoesNotSeeADeletedDefinition() throws IOException {
        List<String> decided = simulateWithDelay(code("blog"), order("o1", "SUMMER"),
                "{\"type\":\"promo_code_delete\",\"promoCodeId\":\"pc-1\"}");

        assertThat(decided).singleElement().asString()
                .contains("\"reason\":\"NO_CLICK_NO_CODE\"", "\"unmatchedCodes\":[\"SUMMER\"]");
    }
}
