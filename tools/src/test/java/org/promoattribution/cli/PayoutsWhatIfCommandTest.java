package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code payouts what-if --events FILE}: offline, no cluster needed. */
class PayoutsWhatIfCommandTest extends CommandLineTest {
    private static final String EVENTS = """
            {"type":"commission_terms","termsId":"t-default","programId":"acme","rate":"5"}
            {"type":"commission_terms","termsId":"t-blog","programId":"acme","partnerId":"blog","rate":"10","flat":"1"}
            {"type":"click","clickId":"c1","programId":"acme","sessionId":"s1","partnerId":"blog","timestamp":"2026-06-01T10:00:00Z"}
            {"type":"conversion","conversionId":"o1","programId":"acme","sessionId":"s1","timestamp":"2026-06-01T10:05:00Z","amount":"100","currency":"USD"}
            {"type":"click","clickId":"c2","programId":"acme","sessionId":"s2","partnerId":"news","timestamp":"2026-06-01T11:00:00Z"}
            {"type":"conversion","conversionId":"o2","programId":"acme","sessionId":"s2","timestamp":"2026-06-01T11:05:00Z","amount":"40","currency":"USD"}
            {"type":"commission_terms","termsId":"t-blog","programId":"acme","partnerId":"blog","rate":"20"}
            {"type":"click","clickId":"c3","programId":"acme","sessionId":"s3","partnerId":"blog","timestamp":"2026-06-02T10:00:00Z"}
            {"type":"conversion","conversionId":"o3","programId":"acme","sessionId":"s3","timestamp":"2026-06-02T10:05:00Z","amount":"50","currency":"USD"}
            {"type":"adjustment","adjustmentId":"a1","conversionId":"o3","programId":"acme","timestamp":"2026-06-03T09:00:00Z","kind":"REVERSAL"}
            not json
            """;

    @Test
    void comparesEachPartnersCommissionUnderTheFilesTermsAndTheNewOnes() throws Exception {
        String events = file("events.jsonl", EVENTS);
        // t-blog at 15% + 2 for the whole period (both of the file's t-blog updates give way); news gets its own 8%.
        String terms = file("new.jsonl", """
                {"type":"commission_terms","termsId":"t-blog","programId":"acme","partnerId":"blog","rate":"15","flat":"2"}
                {"type":"commission_terms","termsId":"t-news","programId":"acme","partnerId":"news","rate":"8"}
                """);

        assertThat(run("payouts", "what-if", "--terms", terms, "--events", events, "--now", "2026-07-01T00:00:00Z"))
                .as(err.toString()).isEqualTo(0);
        // now: o1 100 x 10% + 1 = 11, o3 50 x 20% = 10 then refunded: 0; news o2 40 x 5% = 2.
        // new: o1 100 x 15% + 2 = 17, o3 refunded: 0; news 40 x 8% = 3.20.
        assertThat(out.toString().lines()).startsWith(
                "PROGRAM  PARTNER  CREDITED  COMMISSION NOW  UNDER NEW TERMS  DIFFERENCE",
                "acme     blog     2         11.00           17.00            +6.00",
                "acme     news     1         2.00            3.20             +1.20",
                "TOTAL             3         13.00           20.20            +7.20");
        assertThat(out.toString()).contains("Replayed 11 lines of " + events + " (1 unreadable)");
    }

    @Test
    void aBadTermsFileComparesNothingAndNamesEachLine() throws Exception {
        String events = file("events.jsonl", EVENTS);
        String terms = file("new.jsonl", """
                {"type":"commission_terms","termsId":"t-blog","programId":"acme","partnerId":"blog","rate":"120"}
                {"type":"click","clickId":"c1","programId":"acme","sessionId":"s1","partnerId":"blog","timestamp":"2026-06-01T10:00:00Z"}
                {"type":"commission_terms","termsId":"t-x","programId":"acme","referralWindow":"P1M"}
                """);

        assertThat(run("payouts", "what-if", "--terms", terms, "--events", events)).isEqualTo(1);
        assertThat(err.toString()).contains(terms + " line 1: INVALID_TERMS: rate 120 is outside 0 to 100",
                terms + " line 2: a click event is not terms", terms + " line 3: INVALID_TERMS: referralWindow P1M",
                "nothing compared: fix the terms file").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsSayWhatIsMissingInOneLine() throws Exception {
        String terms = file("new.jsonl", "{\"type\":\"commission_terms\",\"termsId\":\"t\",\"programId\":\"acme\"}\n");

        assertThat(run("payouts", "what-if", "--terms", terms)).isEqualTo(2);
        assertThat(err.toString()).contains("give either --events FILE or --from and --to").doesNotContain("\tat ");
        assertThat(run("payouts", "what-if", "--terms", terms, "--from", "2026-07-01T00:00:00Z", "--to",
                "2026-06-01T00:00:00Z")).isEqualTo(2);
        assertThat(err.toString()).contains("--from and --to must both be given, --from before --to");
        assertThat(run("payouts", "what-if", "--terms", terms, "--events", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the events file");
    }
}
