package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.cli.SpecExample.CLICK;
import static org.promoattribution.cli.SpecExample.CODE;
import static org.promoattribution.cli.SpecExample.DECISION;
import static org.promoattribution.cli.SpecExample.ORDER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC "Offline simulation" with adjustments (SPEC "Adjustments"): lines in the order decided. */
class SimulateAdjustmentsTest {
    private static final String REVERSAL = "{\"type\":\"adjustment\",\"adjustmentId\":\"a1\",\"conversionId\":\"o1\","
            + "\"programId\":\"acme\",\"timestamp\":\"2026-06-20T09:00:00Z\",\"kind\":\"REVERSAL\"}";
    private static final String REVERSED = "{\"type\":\"adjustment\",\"adjustmentId\":\"a1\",\"conversionId\":\"o1\","
            + "\"status\":\"APPLIED\",\"reason\":\"REVERSED\",\"partnerId\":\"blog\",\"previousAmount\":\"59.90\","
            + "\"amount\":\"0\"}";

    @TempDir
    Path dir;

    private List<String> simulate(String... lines) throws IOException {
        return simulateWith(List.of(), lines);
    }

    private List<String> simulateWith(List<String> options, String... lines) throws IOException {
        return SimulateRun.linesAtFixedNow(dir, options, lines);
    }

    private static String change(String adjustmentId, String amount) {
        return "{\"type\":\"adjustment\",\"adjustmentId\":\"" + adjustmentId + "\",\"conversionId\":\"o1\","
                + "\"programId\":\"acme\",\"timestamp\":\"2026-06-10T09:00:00Z\",\"kind\":\"AMOUNT_CHANGE\""
                + (amount == null ? "" : ",\"amount\":\"" + amount + "\"") + "}";
    }

    @Test
    void reproducesTheSpecAdjustmentExample() throws IOException {
        assertThat(simulate(CODE, CLICK, ORDER, REVERSAL)).containsExactly(DECISION, REVERSED);
    }

    @Test
    void anAmountChangePrintsBothAmountsAsDecimalStrings() throws IOException {
        assertThat(simulate(CODE, CLICK, ORDER, change("a0", "45.5"), change("a0", "45.5"), REVERSAL)).containsExactly(
                DECISION,
                "{\"type\":\"adjustment\",\"adjustmentId\":\"a0\",\"conversionId\":\"o1\",\"status\":\"APPLIED\","
                        + "\"reason\":\"AMOUNT_CHANGED\",\"partnerId\":\"blog\",\"previousAmount\":\"59.90\","
                        + "\"amount\":\"45.50\"}",
                REVERSED.replace("59.90", "45.50"));
    }

    @Test
    void aReversalsAmountIsIgnoredWhateverItHolds() throws IOException {
        for (String amount : List.of("\"-5\"", "\"1.00001\"", "\"abc\"", "123456789012345678901", "true")) {
            String reversal = REVERSAL.replace("\"kind\":\"REVERSAL\"", "\"kind\":\"REVERSAL\",\"amount\":" + amount);
            assertThat(simulate(CODE, CLICK, ORDER, reversal)).as(amount).containsExactly(DECISION, REVERSED);
        }
    }

    @Test
    void anAdjustmentBeforeItsConversionIsDecidedRightAfterIt() throws IOException {
        assertThat(simulate(CODE, REVERSAL, CLICK, ORDER)).containsExactly(DECISION, REVERSED);
    }

    @Test
    void withADecisionDelayAHeldAdjustmentFollowsItsConversionDecidedAtTheEnd() throws IOException {
        assertThat(simulateWith(List.of("--decision-delay", "PT10M"), CODE, CLICK, ORDER, REVERSAL))
                .containsExactly(DECISION, REVERSED);
    }

    @Test
    void anAdjustmentStillHeldAtTheEndOfInputIsUnknownConversion() throws IOException {
        assertThat(simulate(REVERSAL)).containsExactly("{\"type\":\"adjustment\",\"adjustmentId\":\"a1\","
                + "\"conversionId\":\"o1\",\"status\":\"REJECTED\",\"reason\":\"UNKNOWN_CONVERSION\",\"partnerId\":null,"
                + "\"previousAmount\":null,\"amount\":null}");
    }

    @Test
    void withADecisionDelayOverAnHourARefundSentRightAfterItsOrderApplies() throws IOException {
        String laterClick = CLICK.replace("\"c1\"", "\"c2\"").replace("\"s1\"", "\"s2\"")
                .replace("2026-06-01T10:00:00Z", "2026-06-01T13:05:00.001Z");
        assertThat(simulateWith(List.of("--decision-delay", "PT3H"), CODE, CLICK, ORDER, REVERSAL, laterClick))
                .containsExactly(DECISION, REVERSED);
    }

    @Test
    void withADecisionDelayAnAdjustmentStillHeldAtTheEndOfInputIsUnknownConversion() throws IOException {
        assertThat(simulateWith(List.of("--decision-delay", "PT3H"), REVERSAL))
                .singleElement().asString().contains("\"reason\":\"UNKNOWN_CONVERSION\"");
    }

    @Test
    void anAmountChangeToZeroDoesNotCloseTheOrder() throws IOException {
        assertThat(simulate(CODE, CLICK, ORDER, change("a0", "0"), change("a2", "25"))).containsExactly(DECISION,
                "{\"type\":\"adjustment\",\"adjustmentId\":\"a0\",\"conversionId\":\"o1\",\"status\":\"APPLIED\","
                        + "\"reason\":\"AMOUNT_CHANGED\",\"partnerId\":\"blog\",\"previousAmount\":\"59.90\","
                        + "\"amount\":\"0\"}",
                "{\"type\":\"adjustment\",\"adjustmentId\":\"a2\",\"conversionId\":\"o1\",\"status\":\"APPLIED\","
                        + "\"reason\":\"AMOUNT_CHANGED\",\"partnerId\":\"blog\",\"previousAmount\":\"0\","
                        + "\"amount\":\"25.00\"}");
    }

    @Test
    void anAdjustmentDatedBeforeItsOrderApplies() throws IOException {
        String early = REVERSAL.replace("2026-06-20T09:00:00Z", "2026-05-01T09:00:00Z");
        assertThat(simulate(CODE, CLICK, ORDER, early)).containsExactly(DECISION, REVERSED);
    }

    @Test
    void anAmountChangeWithoutAnAmountIsRejected() throws IOException {
        assertThat(simulate(change("a1", null))).containsExactly("{\"type\":\"rejected\",\"line\":1,\"error\":"
                + "\"MISSING_FIELD: missing required field amount (an AMOUNT_CHANGE sets the order's new total)\"}");
    }
}
