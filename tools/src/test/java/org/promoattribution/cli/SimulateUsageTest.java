package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC "Promo-code usage and leaks" in simulate: usage.retention and adjustments, as the pipeline counts. */
class SimulateUsageTest {
    private static final String CODE = "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\","
            + "\"code\":\"SUMMER10\",\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}";

    @TempDir
    Path dir;

    /** The usage lines of a run with --usage, as "day uses N credited N". */
    private List<String> usage(List<String> options, String... lines) throws IOException {
        List<String> args = new ArrayList<>(List.of("--usage", "--now", "2026-12-01T00:00:00Z"));
        args.addAll(options);
        return SimulateRun.lines(dir, args, lines).stream().filter(line -> line.startsWith("{\"type\":\"usage\""))
                .map(line -> line.replaceAll(".*\"day\":\"([^\"]+)\",\"uses\":(\\d+),\"credited\":(\\d+).*",
                        "$1 uses $2 credited $3"))
                .toList();
    }

    private static String order(String id, String day) {
        return "{\"type\":\"conversion\",\"conversionId\":\"" + id + "\",\"programId\":\"acme\",\"timestamp\":\""
                + day + "T10:00:00Z\",\"promoCodes\":[\"SUMMER10\"],\"amount\":\"10\"}";
    }

    @Test
    void usageRetention_aUseMoreThanTheRetentionBeforeTheLatestDayCountedIsNotCounted() throws IOException {
        // 2026-08-05 is 65 days after 2026-06-01; the default usage.retention is 60 days
        assertThat(usage(List.of(), CODE, order("o1", "2026-06-01"), order("o2", "2026-08-05"),
                order("o3", "2026-06-01"), order("o4", "2026-06-06")))
                .containsExactly("2026-06-01 uses 1 credited 1", "2026-06-06 uses 1 credited 1",
                        "2026-08-05 uses 1 credited 1");
    }

    @Test
    void usageRetention_aUseExactlyTheRetentionBeforeTheLatestDayIsCounted() throws IOException {
        assertThat(usage(List.of(), CODE, order("o1", "2026-07-31"), order("o2", "2026-06-01"),
                order("o3", "2026-05-31")))
                .containsExactly("2026-06-01 uses 1 credited 1", "2026-07-31 uses 1 credited 1");
    }

    @Test
    void usageRetention_isASetting() throws IOException {
        Path config = Files.writeString(dir.resolve("pipeline.properties"), "usage.retention=P2D\n");
        assertThat(usage(List.of("--config", config.toString()), CODE, order("o1", "2026-06-04"),
                order("o2", "2026-06-01"), order("o3", "2026-06-02")))
                .containsExactly("2026-06-02 uses 1 credited 1", "2026-06-04 uses 1 credited 1");
    }

    @Test
    void adjustmentsDoNotChangeTheFigures() throws IOException {
        String reversal = "{\"type\":\"adjustment\",\"adjustmentId\":\"a1\",\"conversionId\":\"o1\","
                + "\"programId\":\"acme\",\"timestamp\":\"2026-06-02T09:00:00Z\",\"kind\":\"REVERSAL\"}";
        String change = reversal.replace("a1", "a0").replace("REVERSAL", "AMOUNT_CHANGE\",\"amount\":\"0");
        assertThat(usage(List.of(), CODE, order("o1", "2026-06-01"), change, reversal))
                .containsExactly("2026-06-01 uses 1 credited 1");
    }
}
