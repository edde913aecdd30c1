package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.cli.SpecExample.CLICK;
import static org.promoattribution.cli.SpecExample.CODE;
import static org.promoattribution.cli.SpecExample.DECISION;
import static org.promoattribution.cli.SpecExample.ORDER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC "Commission" through {@code simulate}: terms lines, commission on decisions and adjustments, --payouts (C5). */
class SimulatePayoutsTest {
    /** SPEC's terms line, as written there. */
    private static final String SPEC_TERMS = "{\"type\":\"commission_terms\",\"termsId\":\"t-1\",\"programId\":\"acme\","
            + "\"partnerId\":\"blog\",\"rate\":\"8\",\"flat\":\"0\",\"codeRates\":{\"pc-1\":{\"rate\":\"5\",\"flat\":\"1.00\"}},"
            + "\"categoryRates\":{\"shoes\":\"10\"}}";

    @TempDir
    Path dir;

    private List<String> simulate(List<String> options, String... lines) throws IOException {
        return SimulateRun.linesAtFixedNow(dir, options, lines);
    }

    private static String terms(String termsId, String partnerId, String rest) {
        return "{\"type\":\"commission_terms\",\"termsId\":\"" + termsId + "\",\"programId\":\"acme\""
                + (partnerId == null ? "" : ",\"partnerId\":\"" + partnerId + "\"") + rest + "}";
    }

    /** A LAST_CLICK order of {@code partner}: its click a minute before. */
    private static String[] order(String id, String partner, String time, String amount, String extra) {
        String click = "{\"type\":\"click\",\"clickId\":\"c-" + id + "\",\"programId\":\"acme\",\"sessionId\":\"s-"
                + id + "\",\"partnerId\":\"" + partner + "\",\"timestamp\":\"" + time.replace(":05:", ":04:") + "\"}";
        String conversion = "{\"type\":\"conversion\",\"conversionId\":\"" + id + "\",\"programId\":\"acme\","
                + "\"sessionId\":\"s-" + id + "\",\"timestamp\":\"" + time + "\",\"amount\":\"" + amount + "\""
                + extra + "}";
        return new String[] {click, conversion};
    }

    private static String adjustment(String id, String conversionId, String time, String kind, String amount) {
        return "{\"type\":\"adjustment\",\"adjustmentId\":\"" + id + "\",\"conversionId\":\"" + conversionId
                + "\",\"programId\":\"acme\",\"timestamp\":\"" + time + "\",\"kind\":\"" + kind + "\""
                + (amount == null ? "" : ",\"amount\":\"" + amount + "\"") + "}";
    }

    private static String[] lines(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String[] several) {
                all.addAll(List.of(several));
            } else {
                all.add((String) part);
            }
        }
        return all.toArray(String[]::new);
    }

    private static List<String> payoutLines(List<String> output) {
        return output.stream().filter(l -> l.startsWith("{\"type\":\"payout\"")).toList();
    }

    @Test
    void withoutTermsTheSpecDecisionLineStaysAsItIs() throws IOException {
        assertThat(simulate(List.of(), CODE, CLICK, ORDER)).containsExactly(DECISION);
    }

    @Test
    void c2SpecsTermsLinePutsTheCodeRateOnTheDecision() throws IOException {
        assertThat(simulate(List.of(), SPEC_TERMS, CODE, CLICK, ORDER)).containsExactly(
                DECISION.replace("]}", "],\"commission\":\"3.995\",\"termsId\":\"t-1\"}")); // 5 % of 59.90 + 1.00
    }

    @Test
    void c2ACodeRateAndACategoryRateOnTheSameOrderOfTwoItems() throws IOException {
        String items = ",\"items\":[{\"sku\":\"a\",\"category\":\"shoes\",\"quantity\":2,\"unitPrice\":\"25.00\"},"
                + "{\"sku\":\"b\",\"quantity\":1,\"unitPrice\":10}]";
        List<String> out = simulate(List.of(), lines(SPEC_TERMS, CODE, CLICK, ORDER.replace("}", items + "}"),
                order("o2", "blog", "2026-06-01T11:05:00Z", "60", items)));

        assertThat(out.get(0)).contains("\"commission\":\"4.00\""); // the code rate on both items: 5 % of 60 + 1
        assertThat(out.get(1)).contains("\"commission\":\"5.80\""); // shoes 10 % of 50 + 8 % of 10
    }

    @Test
    void c5PayoutsFollowTermsThatChangeMidMonthAReversalAfterAnAmountChangeAndLocking() throws IOException {
        List<String> out = simulate(List.of("--payouts", "--now", "2026-08-15T00:00:00Z"), lines(
                terms("t-a", "blog", ",\"rate\":\"10\",\"validTo\":\"2026-06-15T00:00:00Z\""),
                terms("t-b", "blog", ",\"rate\":20,\"validFrom\":\"2026-06-15T00:00:00Z\""),
                order("o1", "blog", "2026-06-10T10:05:00Z", "100", ""),
                order("o2", "blog", "2026-06-20T10:05:00Z", "100", ""),
                order("o3", "blog", "2026-07-01T10:05:00Z", "50.5", ""),
                order("o4", "news", "2026-06-02T10:05:00Z", "30", ""),
                adjustment("a1", "o1", "2026-06-11T10:00:00Z", "AMOUNT_CHANGE", "50"),
                adjustment("a2", "o1", "2026-06-12T10:00:00Z", "REVERSAL", null)));

        assertThat(out).filteredOn(l -> l.contains("\"adjustmentId\":\"a1\"")).singleElement().asString()
                .contains("\"previousCommission\":\"10.00\",\"commission\":\"5.00\"");
        assertThat(out).filteredOn(l -> l.contains("\"adjustmentId\":\"a2\"")).singleElement().asString()
                .contains("\"previousCommission\":\"5.00\",\"commission\":\"0\"");
        // o1 locks on 2026-08-09, before --now; o2 on 2026-08-19 and o3 later still
        assertThat(payoutLines(out)).containsExactly(
                "{\"type\":\"payout\",\"programId\":\"acme\",\"partnerId\":\"blog\",\"month\":\"2026-06\","
                        + "\"credited\":2,\"amount\":\"100.00\",\"commission\":\"20.00\",\"reversed\":1,\"locked\":\"0\"}",
                "{\"type\":\"payout\",\"programId\":\"acme\",\"partnerId\":\"blog\",\"month\":\"2026-07\","
                        + "\"credited\":1,\"amount\":\"50.50\",\"commission\":\"10.10\",\"reversed\":0,\"locked\":\"0\"}",
                "{\"type\":\"payout\",\"programId\":\"acme\",\"partnerId\":\"news\",\"month\":\"2026-06\","
                        + "\"credited\":1,\"amount\":\"30.00\",\"commission\":\"0\",\"reversed\":0,\"locked\":\"0\"}");
    }

    @Test
    void c5LockedIsTheCommissionWhoseLockPeriodEndedBeforeNow() throws IOException {
        List<String> out = simulate(List.of("--payouts", "--now", "2026-08-15T00:00:00Z"), lines(
                terms("t-1", null, ",\"rate\":\"10\""),
                order("o1", "blog", "2026-06-10T10:05:00Z", "100", ""),
                order("o2", "blog", "2026-06-20T10:05:00Z", "40", "")));

        assertThat(payoutLines(out)).singleElement().asString()
                .contains("\"credited\":2,\"amount\":\"140.00\",\"commission\":\"14.00\",\"reversed\":0,\"locked\":\"10.00\"");
    }

    @Test
    void deletedTermsLeaveLaterOrdersWithoutCommissionAndPayoutsCountThemInCreditedAndAmountOnly() throws IOException {
        List<String> out = simulate(List.of("--payouts"), lines(
                terms("t-1", null, ",\"rate\":\"10\""),
                order("o1", "blog", "2026-06-10T10:05:00Z", "100", ""),
                "{\"type\":\"commission_terms_delete\",\"termsId\":\"t-1\"}",
                order("o2", "blog", "2026-06-11T10:05:00Z", "100", "")));

        assertThat(out.get(0)).contains("\"commission\":\"10.00\",\"termsId\":\"t-1\"");
        assertThat(out.get(1)).doesNotContain("commission").doesNotContain("termsId");
        assertThat(payoutLines(out)).singleElement().asString()
                .contains("\"credited\":2,\"amount\":\"200.00\",\"commission\":\"10.00\",\"reversed\":0,\"locked\":\"10.00\"");
    }

    @Test
    void ratesWithMoreThanFourDecimalsAreRejectedZerosWrittenAfterThemAreNot() throws IOException {
        List<String> out = simulate(List.of(), lines(
                terms("t-1", null, ",\"rate\":\"5.00001\""),
                terms("t-2", null, ",\"rate\":\"5.00000\",\"flat\":0.50000"),
                terms("t-3", null, ",\"rate\":\"101\""),
                terms("t-4", null, ",\"rate\":\"5\",\"referralWindow\":\"P3M\""),
                order("o1", "blog", "2026-06-10T10:05:00Z", "100", "")));

        assertThat(out).containsExactly(
                "{\"type\":\"rejected\",\"line\":1,\"error\":\"INVALID_TERMS: rate has more than 4 digits after the decimal point\"}",
                "{\"type\":\"rejected\",\"line\":3,\"error\":\"INVALID_TERMS: rate 101 is outside 0 to 100\"}",
                "{\"type\":\"rejected\",\"line\":4,\"error\":\"INVALID_TERMS: referralWindow P3M is not an ISO-8601 duration"
                        + " PnW or PnDTnHnMn.nS (months and years are not durations)\"}",
                "{\"conversionId\":\"o1\",\"outcome\":\"CREDITED\",\"reason\":\"LAST_CLICK\",\"partnerId\":\"blog\","
                        + "\"basis\":\"CLICK\",\"promoCodeId\":null,\"promoCode\":null,\"dealId\":null,\"clickId\":\"c-o1\","
                        + "\"unmatchedCodes\":[],\"commission\":\"5.50\",\"termsId\":\"t-2\"}");
    }

    @Test
    void aWaitingConversionSeesTheTermsLiveWhenItIsDecided() throws IOException {
        List<String> out = simulate(List.of("--decision-delay", "PT10M"), lines(
                terms("t-1", null, ",\"rate\":\"10\""),
                order("o1", "blog", "2026-06-10T10:05:00Z", "100", ""),
                terms("t-1", null, ",\"rate\":\"20\""),
                order("o2", "blog", "2026-06-10T10:25:00Z", "100", "")));

        assertThat(out.get(0)).contains("\"conversionId\":\"o1\"").contains("\"commission\":\"20.00\"");
    }

    @Test
    void payoutLinesComeAfterTheUsageLines() throws IOException {
        List<String> out = simulate(List.of("--payouts", "--usage"), SPEC_TERMS, CODE, CLICK, ORDER);

        assertThat(out).hasSize(3);
        assertThat(out.get(1)).startsWith("{\"type\":\"usage\"");
        assertThat(out.get(2)).startsWith("{\"type\":\"payout\"");
    }

    @Test
    void itemsBeyondTheLimitsAreRejectedLines() throws IOException {
        List<String> out = simulate(List.of(), lines(
                order("o1", "blog", "2026-06-10T10:05:00Z", "1", ",\"items\":[{\"sku\":\"a\",\"quantity\":0,\"unitPrice\":\"1\"}]"),
                order("o2", "blog", "2026-06-10T10:05:00Z", "1", ",\"items\":[{\"sku\":\"a\",\"quantity\":1e12,\"unitPrice\":\"1\"}]"),
                order("o3", "blog", "2026-06-10T10:05:00Z", "1", ",\"items\":[{\"sku\":\"a\",\"quantity\":1,\"unitPrice\":\"-1\"}]")));

        assertThat(out).filteredOn(l -> l.contains("rejected")).extracting(l -> l.replaceAll(".*\"error\":\"(\\w+):.*", "$1"))
                .containsExactly("LIMIT_EXCEEDED", "LIMIT_EXCEEDED", "NEGATIVE_AMOUNT");
    }
}
