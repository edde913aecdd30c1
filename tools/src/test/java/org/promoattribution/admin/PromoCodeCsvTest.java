package org.promoattribution.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;

class PromoCodeCsvTest {
    private static final String HEADER = "promoCodeId,programId,partner,code,credit policy,match type,deal,comments,"
            + "email,start date-time,end date-time,time zone\n";

    private static List<SheetRow<PromoCode>> read(String csv) throws Exception {
        return PromoCodeCsv.read(new StringReader(csv));
    }

    private static String errorOf(String row) throws Exception {
        List<SheetRow<PromoCode>> rows = read(HEADER + row + "\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).valid()).as("row is invalid").isFalse();
        return rows.get(0).error();
    }

    @Test
    void readsEveryColumnWithLocalTimesInTheRowsTimeZone() throws Exception {
        List<SheetRow<PromoCode>> rows = read(HEADER
                + "pc-1,acme,blog, SUMMER10 ,if winner,Exact,d-7,\"Post it, with the link\",blog@example.com,"
                + "2026-06-01 09:00,2026-09-01,Europe/Paris\n");

        assertThat(rows).hasSize(1);
        SheetRow<PromoCode> row = rows.get(0);
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.value()).isEqualTo(PromoCode.newBuilder()
                .setPromoCodeId("pc-1").setProgramId("acme").setPartnerId("blog").setCode("SUMMER10")
                .setCreditPolicy(CreditPolicy.IF_WINNER).setMatchType(MatchType.EXACT).setDealId("d-7")
                .setComments("Post it, with the link").setEmail("blog@example.com")
                .setValidFrom(Instant.parse("2026-06-01T07:00:00Z")) // Paris is UTC+2 in summer
                .setValidTo(Instant.parse("2026-08-31T22:00:00Z"))
                .build());
    }

    @Test
    void optionalColumnsMayBeLeftOutAndHeadersAreMatchedLoosely() throws Exception {
        List<SheetRow<PromoCode>> rows = read("Code,Match_Type,PROMO CODE ID,program id,Partner,CreditPolicy\n"
                + "\"^VIP[0-9]{2}$\",REGEX,pc-2,acme,coupons,ALWAYS\n\n");

        assertThat(rows).extracting(SheetRow::error).containsExactly((String) null);
        PromoCode code = rows.get(0).value();
        assertThat(code.getCode()).isEqualTo("^VIP[0-9]{2}$");
        assertThat(code.getValidFrom()).isNull();
        assertThat(code.getDealId()).isNull();
    }

    @Test
    void rule4_aPatternIsImportedExactlyAsWrittenAnExactCodeTrimmed() throws Exception {
        List<SheetRow<PromoCode>> rows = read("Code,Match_Type,PROMO CODE ID,program id,Partner,CreditPolicy\n"
                + "SUMMER\\ ,REGEX,pc-1,acme,blog,ALWAYS\n"
                + " SUMMER10 ,EXACT,pc-2,acme,blog,ALWAYS\n");

        assertThat(rows).extracting(row -> row.value().getCode()).containsExactly("SUMMER\\ ", "SUMMER10");
    }

    /** The "Create a Promo Code" form's labels, as a manager copies them, in any case and spacing. */
    @Test
    void theFormsLabelsReadAsTheirChoices() throws Exception {
        List<SheetRow<PromoCode>> rows = read(HEADER
                + "pc-1,acme,blog,A,Credit If winner,Exact Match,,,,,,\n"
                + "pc-2,acme,blog,B,Always credit,exact,,,,,,\n"
                + "pc-3,acme,blog,C,credit if involved,\"Regular Expression (Advanced) [Regex]\",,,,,,\n"
                + "pc-4,acme,blog,D,  CREDIT   IF  WINNER ,regular expression  (advanced)  [REGEX],,,,,,\n"
                + "pc-5,acme,blog,E,if_involved,Regular Expression,,,,,,\n");

        assertThat(rows).extracting(SheetRow::error).containsOnlyNulls();
        assertThat(rows).extracting(r -> r.value().getCreditPolicy()).containsExactly(CreditPolicy.IF_WINNER,
                CreditPolicy.ALWAYS, CreditPolicy.IF_INVOLVED, CreditPolicy.IF_WINNER, CreditPolicy.IF_INVOLVED);
        assertThat(rows).extracting(r -> r.value().getMatchType()).containsExactly(MatchType.EXACT, MatchType.EXACT,
                MatchType.REGEX, MatchType.REGEX, MatchType.REGEX);
    }

    @Test
    void aDateInADaylightSavingGapMovesForward() throws Exception {
        List<SheetRow<PromoCode>> rows = read(HEADER + "pc-1,acme,blog,X,ALWAYS,EXACT,,,,2026-03-29 02:30,,Europe/Paris\n");
        assertThat(rows.get(0).value().getValidFrom()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void reportsEachBadRowWithTheReasonThePipelineWouldGive() throws Exception {
        assertThat(errorOf("pc-1,acme,blog,X,SOMETIMES,EXACT,,,,,,"))
                .isEqualTo("credit policy: \"SOMETIMES\" is not one of Always credit, Credit If involved, "
                        + "Credit If winner (or ALWAYS, IF_INVOLVED, IF_WINNER)");
        assertThat(errorOf("pc-1,acme,blog,X,ALWAYS,Fuzzy,,,,,,")).isEqualTo("match type: \"Fuzzy\" is not one of "
                + "Exact Match, Regular Expression (Advanced) [Regex] (or EXACT, REGEX)");
        assertThat(errorOf("pc-1,acme,blog,X,ALWAYS,,,,,,,")).isEqualTo("match type is missing");
        assertThat(errorOf("pc-1,acme,,X,ALWAYS,EXACT,,,,,,")).isEqualTo("MISSING_FIELD: missing required field partnerId");
        assertThat(errorOf("pc-1,acme,blog,(a,ALWAYS,REGEX,,,,,,")).startsWith("INVALID_PATTERN: ");
        assertThat(errorOf("pc-1,acme,blog,X,ALWAYS,EXACT,,,,2026-06-01,2026-06-01,UTC"))
                .startsWith("INVALID_SCHEDULE: ");
        assertThat(errorOf("pc-1,acme,blog,X,ALWAYS,EXACT,,,,2026-06-01,,"))
                .startsWith("time zone is required with a start or end date-time");
        assertThat(errorOf("pc-1,acme,blog,X,ALWAYS,EXACT,,,,2026-06-01,,Mars/Olympus"))
                .startsWith("time zone: unknown zone \"Mars/Olympus\"");
        assertThat(errorOf("pc-1,acme,blog,X,ALWAYS,EXACT,,,,June 1st,,UTC"))
                .startsWith("start date-time: \"June 1st\" is not a date-time");
        assertThat(errorOf("pc-1,acme,blog,X,ALWAYS,EXACT,,,,,,,extra")).isEqualTo("has 13 fields; the header has 12");
    }

    @Test
    void rowsAreNumberedAsInASpreadsheetAndAnIdMayAppearOnce() throws Exception {
        List<SheetRow<PromoCode>> rows = read(HEADER
                + "pc-1,acme,blog,A,ALWAYS,EXACT,,\"two\nlines\",,,,\n"
                + "pc-2,acme,blog,B,NEVER,EXACT,,,,,,\n"
                + "pc-1,acme,blog,C,ALWAYS,EXACT,,,,,,\n");

        assertThat(rows).extracting(SheetRow::number).containsExactly(2, 3, 4);
        assertThat(rows).extracting(SheetRow::valid).containsExactly(true, false, false);
        assertThat(rows.get(2).error()).isEqualTo("promoCodeId pc-1 is also on row 2 (each code once per file)");
    }

    @Test
    void aBadHeaderIsAnErrorOfTheWholeFile() {
        assertThatThrownBy(() -> read("promoCodeId,programId,partner,code,credit policy,match type,colour\n"))
                .hasMessageStartingWith("unknown column \"colour\" in the header");
        assertThatThrownBy(() -> read("promoCodeId,programId,code,credit policy,match type\n"))
                .hasMessageStartingWith("the header lacks the required column(s) partner;");
        assertThatThrownBy(() -> read("")).hasMessageStartingWith("the file is empty");
    }

    @Test
    void theColumnsOfTheHelpTextAreTheColumnsRead() {
        assertThat(PromoCodeCsv.COLUMNS).isEqualTo(
                Arrays.stream(CsvColumn.values()).map(CsvColumn::header).collect(Collectors.joining(", ")));
    }
}
