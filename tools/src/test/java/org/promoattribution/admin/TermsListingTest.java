package org.promoattribution.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.CommissionTerms;

class TermsListingTest {
    @Test
    void listsTermsInTheSheetsColumnsSoThatARowCanBeImportedAgain() throws Exception {
        String sheet = "Terms ID,Program,Partner,Valid from,Valid to,Referral window,Rate %,Flat,Code rates,Category rates\n"
                + "t-blog,acme,blog,2026-07-01,,45 days,\"7,50\",0.5,pc-2=3; pc-1=5%+1.00,shoes=10; bags=2.5%\n"
                + "t-default,acme,,,2026-07-01,,5,,,\n"
                + "t-later,acme,news,2027-01-01,,,1,,pc-9=+2,\n";
        List<CommissionTerms> terms = new CommissionTermsCsv(Duration.ofDays(90)).read(new StringReader(sheet)).stream()
                .map(SheetRow::value).toList();

        String table = new TermsListing(ZoneId.of("UTC")).table(terms, Instant.parse("2026-08-01T00:00:00Z"));

        assertThat(table.lines()).containsExactly(
                "TERMS ID   PROGRAM  PARTNER    VALID FROM           VALID TO             REFERRAL WINDOW  RATE %  FLAT  "
                        + "CODE RATES          CATEGORY RATES        STATUS",
                "t-blog     acme     blog       2026-07-01 00:00:00                       P45D             7.5     0.5   "
                        + "pc-1=5%+1; pc-2=3%  bags=2.5%; shoes=10%  live",
                "t-default  acme     (default)                       2026-07-01 00:00:00                   5       0     "
                        + "                                          expired",
                "t-later    acme     news       2027-01-01 00:00:00                                        1       0     "
                        + "pc-9=+2                                   scheduled");
        String listedRow = "t-blog,acme,blog,2026-07-01 00:00:00,,P45D,7.5,0.5,pc-1=5%+1; pc-2=3%,bags=2.5%; shoes=10%\n";
        assertThat(new CommissionTermsCsv(Duration.ofDays(90)).read(new StringReader(sheet.lines().findFirst()
                .orElseThrow() + "\n" + listedRow)).get(0).value()).isEqualTo(terms.get(0));
    }
}
