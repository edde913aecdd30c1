package org.promoattribution.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.CommissionRate;
import org.promoattribution.schemas.CommissionTerms;

class CommissionTermsCsvTest {
    private static final String HEADER = "Terms ID,Program,Partner,Valid from,Valid to,Time zone,Referral window,"
            + "Rate %,Flat,Code rates,Category rates\n";

    private static List<SheetRow<CommissionTerms>> read(String csv) throws Exception {
        return new CommissionTermsCsv(java.time.Duration.ofDays(90)).read(new StringReader(csv));
    }

    private static CommissionTerms valid(String row) throws Exception {
        List<SheetRow<CommissionTerms>> rows = read(HEADER + row + "\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).error()).as("error of " + row).isNull();
        return rows.get(0).value();
    }

    private static String errorOf(String row) throws Exception {
        List<SheetRow<CommissionTerms>> rows = read(HEADER + row + "\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).valid()).as("row is invalid").isFalse();
        return rows.get(0).error();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value).setScale(4);
    }

    @Test
    void readsEveryColumn() throws Exception {
        CommissionTerms terms = valid("t-blog,acme,blog,2026-07-01,2026-10-01 12:00,Europe/Paris,45 days,\"7,5\",1.00,"
                + "\"pc-1=5%+1.00; pc-2=3\",shoes=10; bags=2.5%");

        assertThat(terms).isEqualTo(CommissionTerms.newBuilder()
                .setTermsId("t-blog").setProgramId("acme").setPartnerId("blog")
                .setValidFrom(Instant.parse("2026-06-30T22:00:00Z"))
                .setValidTo(Instant.parse("2026-10-01T10:00:00Z"))
                .setReferralWindow("P45D").setRate(d("7.5")).setFlat(d("1"))
                .setCodeRates(Map.of("pc-1", CommissionRate.newBuilder().setRate(d("5")).setFlat(d("1")).build(),
                        "pc-2", CommissionRate.newBuilder().setRate(d("3")).setFlat(null).build()))
                .setCategoryRates(Map.of("shoes", d("10"), "bags", d("2.5")))
                .build());
    }

    @Test
    void aRowWithoutPartnerIsTheProgramsDefaultAndTimesWithoutZoneAreUtc() throws Exception {
        CommissionTerms terms = valid("t-default,acme,,2026-07-01,,,,5%,,,");

        assertThat(terms.getPartnerId()).isNull();
        assertThat(terms.getValidFrom()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(terms.getRate()).isEqualTo(d("5"));
        assertThat(terms.getFlat()).isNull();
        assertThat(terms.getReferralWindow()).isNull();
        assertThat(terms.getCodeRates()).isNull();
        assertThat(terms.getCategoryRates()).isNull();
    }

    @Test
    void headersMayBeWrittenTheWayPeopleWriteThem() throws Exception {
        List<SheetRow<CommissionTerms>> rows = read("contract id,Programme,Affiliate,Commission rate,Flat fee,"
                + "Cookie days,promo_code_rates\nt-1,acme,blog,8,0.5,30,pc-9=+2\n");

        assertThat(rows.get(0).error()).isNull();
        CommissionTerms terms = rows.get(0).value();
        assertThat(terms.getReferralWindow()).isEqualTo("P30D");
        assertThat(terms.getCodeRates().get("pc-9").getRate()).isNull();
        assertThat(terms.getCodeRates().get("pc-9").getFlat()).isEqualTo(d("2"));
    }

    @Test
    void referralWindowsAreReadInTheirUsualForms() throws Exception {
        assertThat(valid("t,acme,,,,,2 weeks,,,,").getReferralWindow()).isEqualTo("P2W");
        assertThat(valid("t,acme,,,,,12h,,,,").getReferralWindow()).isEqualTo("PT12H");
        assertThat(valid("t,acme,,,,,p7d,,,,").getReferralWindow()).isEqualTo("P7D");
        assertThat(errorOf("t,acme,,,,,3 months,,,,")).contains("months and years are not durations");
        assertThat(errorOf("t,acme,,,,,soon,,,,")).isEqualTo(
                "Referral window: \"soon\" is not a duration such as 30 days, 2 weeks, 12 hours or P30D");
    }

    @Test
    void numbersThatCannotBeReadSafelyAreRefused() throws Exception {
        assertThat(errorOf("t,acme,,,,,,\"1,000\",,,")).isEqualTo("Rate %: \"1,000\" is ambiguous: write 1000 or 1.000");
        assertThat(errorOf("t,acme,,,,,,ten,,,")).isEqualTo("Rate %: \"ten\" is not a number such as 7.5 or 7.5%");
        assertThat(errorOf("t,acme,,,,,,\"1,000.50\",,,")).startsWith("Rate %: \"1,000.50\" is not a number");
        assertThat(errorOf("t,acme,,,,,,7.12345,,,")).isEqualTo("Rate %: 7.12345 has more than 4 decimals");
        assertThat(errorOf("t,acme,,,,,,,$1.00,,")).startsWith("Flat: \"$1.00\" is not a number such as 1.50");
        assertThat(errorOf("t,acme,,,,,,,12345678901234567,,")).isEqualTo("Flat: 12345678901234567 is too large");
        assertThat(valid("t,acme,,,,,,7.50000,,,").getRate()).isEqualTo(d("7.5"));
    }

    @Test
    void rateListsMustBeKeyEqualsRate() throws Exception {
        assertThat(errorOf("t,acme,,,,,,,,pc-1 5%,")).startsWith("Code rates: \"pc-1 5%\" is not key=rate");
        assertThat(errorOf("t,acme,,,,,,,,pc-1=5; pc-1=6,")).isEqualTo("Code rates: pc-1 is given twice");
        assertThat(errorOf("t,acme,,,,,,,,,shoes=")).isEqualTo("Category rates: shoes has no rate (write shoes=10)");
        assertThat(errorOf("t,acme,,,,,,,,=5,")).startsWith("Code rates: \"=5\" has no key before '='");
        assertThat(errorOf("t,acme,,,,,,,,pc-1=5%+x,")).startsWith("Code rates of pc-1 (flat): \"x\" is not a number");
    }

    @Test
    void eachRowIsCheckedAsThePipelineChecksTerms() throws Exception {
        assertThat(errorOf("t,acme,,,,,,120,,,")).startsWith("INVALID_TERMS: ");
        assertThat(errorOf("t,acme,,,,,,,-1,,")).startsWith("INVALID_TERMS: ");
        assertThat(errorOf("t,acme,,,,,91 days,,,,")).startsWith("INVALID_TERMS: ");
        assertThat(errorOf("t,acme,,2026-07-01,2026-07-01,,,,,,")).startsWith("INVALID_TERMS: ");
        assertThat(errorOf("t,acme,,,,,,,,pc-1=101,")).startsWith("INVALID_TERMS: ");
        assertThat(errorOf(",acme,,,,,,5,,,")).contains("termsId");
    }

    @Test
    void aTermsIdMayAppearOncePerFile() throws Exception {
        List<SheetRow<CommissionTerms>> rows = read(HEADER + "t-1,acme,,,,,,5,,,\nt-1,acme,blog,,,,,6,,,\n");

        assertThat(rows.get(1).error()).isEqualTo("Terms ID t-1 is also on row 2 (each terms once per file)");
    }

    @Test
    void aBadHeaderIsAnErrorOfTheWholeFile() {
        assertThatThrownBy(() -> read("Terms ID,Program,Bonus points\n"))
                .hasMessageStartingWith("unknown column \"Bonus points\" in the header; the columns are Terms ID, ");
        assertThatThrownBy(() -> read("Terms ID,Rate %\n"))
                .hasMessageStartingWith("the header lacks the required column(s) Program;");
        assertThatThrownBy(() -> read("")).hasMessageStartingWith("the file is empty");
    }

    @Test
    void theColumnsOfTheHelpTextAreTheColumnsRead() {
        assertThat(CommissionTermsCsv.COLUMNS).isEqualTo(
                Arrays.stream(TermsColumn.values()).map(TermsColumn::header).collect(Collectors.joining(", ")));
    }
}
