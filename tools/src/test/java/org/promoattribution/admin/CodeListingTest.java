package org.promoattribution.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.scheduled;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.CreditPolicy;

class CodeListingTest {
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @Test
    void aTableWithLocalTimesAndEachCodesStatusNow() {
        String table = new CodeListing(ZoneId.of("Europe/Paris")).table(List.of(
                scheduled(exact("pc-1", "SUMMER10", "blog", CreditPolicy.IF_WINNER),
                        "2026-05-31T22:00:00Z", "2026-08-31T22:00:00Z"),
                scheduled(exact("pc-2", "AUTUMN", "news", CreditPolicy.ALWAYS), "2026-09-01T00:00:00Z", null),
                scheduled(exact("pc-3", "SPRING", "news", CreditPolicy.IF_INVOLVED), null, "2026-06-01T00:00:00Z")),
                NOW);

        assertThat(table.lines()).containsExactly(
                "PROMO CODE ID  PROGRAM  PARTNER  CODE      MATCH  POLICY       DEAL       START                "
                        + "END                  STATUS",
                "pc-1           acme     blog     SUMMER10  EXACT  IF_WINNER    deal-pc-1  2026-06-01 00:00:00  "
                        + "2026-09-01 00:00:00  live",
                "pc-2           acme     news     AUTUMN    EXACT  ALWAYS       deal-pc-2  2026-09-01 02:00:00  "
                        + "                     scheduled",
                "pc-3           acme     news     SPRING    EXACT  IF_INVOLVED  deal-pc-3                       "
                        + "2026-06-01 02:00:00  expired");
    }
}
