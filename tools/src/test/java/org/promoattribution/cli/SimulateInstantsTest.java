package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC "Time": instants are read to the millisecond; simulate drops finer digits of an ISO-8601
 * instant (10:00:00.0009Z is 10:00:00.000Z), as Avro's timestamp-millis does for the pipeline,
 * wherever it reads one: event times, schedules and --now.
 */
class SimulateInstantsTest {
    private static final String ORDER_TIME = "2026-06-01T10:05:00Z";
    private static final String FINER = "2026-06-01T10:05:00.0009Z";

    @TempDir
    Path dir;

    private List<String> simulate(List<String> options, String... lines) throws IOException {
        List<String> full = new ArrayList<>(List.of("--full"));
        full.addAll(options);
        return SimulateRun.lines(dir, full, lines);
    }

    private static String click(String time) {
        return "{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\","
                + "\"partnerId\":\"blog\",\"timestamp\":\"" + time + "\"}";
    }

    private static String order(String time, String... codes) {
        return "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"sessionId\":\"s1\","
                + "\"timestamp\":\"" + time + "\",\"promoCodes\":[" + String.join(",", codes) + "]}";
    }

    private static String code(String schedule) {
        return "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\",\"code\":\"SUMMER10\","
                + "\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"," + schedule + "}";
    }

    @Test
    void anEventTimeIsReadToTheMillisecond_aClickAFractionOfAMillisecondAfterItsOrderCounts() throws IOException {
        List<String> lines = simulate(List.of(), click(FINER), order(ORDER_TIME));

        assertThat(lines).singleElement().asString()
                .contains("\"reason\":\"LAST_CLICK\"", "\"clickTimestamp\":\"2026-06-01T10:05:00Z\"");
    }

    @Test
    void aScheduleIsReadToTheMillisecond() throws IOException {
        // validFrom 10:05:00.0009 is 10:05:00.000: live at the order's time (validFrom inclusive)
        assertThat(simulate(List.of(), code("\"validFrom\":\"" + FINER + "\""), order(ORDER_TIME, "\"summer10\"")))
                .singleElement().asString().contains("\"promoCodeId\":\"pc-1\"");
        // validTo 10:05:00.0009 is 10:05:00.000: over at the order's time (validTo exclusive)
        assertThat(simulate(List.of(), code("\"validTo\":\"" + FINER + "\""), order(ORDER_TIME, "\"summer10\"")))
                .singleElement().asString().contains("\"unmatchedCodes\":[\"summer10\"]");
    }

    @Test
    void aScheduleWhoseBoundsAreTheSameMillisecondIsInvalid() throws IOException {
        String sameMillisecond = code("\"validFrom\":\"2026-06-01T10:05:00.0001Z\",\"validTo\":\"" + FINER + "\"");

        assertThat(simulate(List.of(), sameMillisecond)).singleElement().asString()
                .startsWith("{\"type\":\"rejected\",\"line\":1,\"error\":\"INVALID_SCHEDULE");
    }

    @Test
    void nowIsReadToTheMillisecond() throws IOException {
        // now + event.time.max.ahead (one hour) is 10:05:00.000, and so is the order: not ahead
        List<String> lines = simulate(List.of("--now", "2026-06-01T09:05:00.0009Z"), order("2026-06-01T10:05:00.0005Z"));

        assertThat(lines).singleElement().asString()
                .contains("\"timestamp\":\"2026-06-01T10:05:00Z\"", "\"decidedAt\":\"2026-06-01T09:05:00Z\"");
    }

    @Test
    void aFractionOfAMillisecondBefore1970IsBefore1970() throws IOException {
        List<String> lines = simulate(List.of(), order("1969-12-31T23:59:59.9999Z"), order("1970-01-01T00:00:00.0009Z"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"type\":\"rejected\",\"line\":1,\"error\":\"INVALID_TIMESTAMP");
        assertThat(lines.get(1)).contains("\"timestamp\":\"1970-01-01T00:00:00Z\"");
    }

    @Test
    void aYearPast9999WithoutItsPlusSignIsThatYear_anInvalidScheduleOrTimestampNotAnUnreadableLine()
            throws IOException {
        List<String> lines = simulate(List.of(), code("\"validTo\":\"10000-01-01T00:00:00Z\""),
                order("10000-01-01T00:00:00Z"));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"type\":\"rejected\",\"line\":1,\"error\":\"INVALID_SCHEDULE");
        assertThat(lines.get(1)).startsWith("{\"type\":\"rejected\",\"line\":2,\"error\":\"INVALID_TIMESTAMP");
    }
}
