package org.promoattribution.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.payouts.PayoutLine;

class PayoutReportTest {
    private static final PayoutLine BLOG_JUNE = line("acme", "blog", "2026-06", 3, "159.9000", "12.7920", 1, "4.0000");
    private static final PayoutLine NEWS_JULY = line("acme", "news, weekly", "2026-07", 1, "20", "0", 0, "0");
    private static final PayoutLine SHOP_JUNE = line("shop", "blog", "2026-06", 2, "0", "0", 2, "0");

    private static PayoutLine line(String program, String partner, String month, long credited, String amount,
                                   String commission, long reversed, String locked) {
        return new PayoutLine(program, partner, YearMonth.parse(month), credited, new BigDecimal(amount),
                new BigDecimal(commission), reversed, new BigDecimal(locked));
    }

    @Test
    void theTableSplitsTheCommissionIntoPendingAndLocked() {
        assertThat(PayoutReport.table(List.of(BLOG_JUNE, NEWS_JULY)).lines()).containsExactly(
                "PROGRAM  PARTNER       MONTH    CREDITED  REVERSED  AMOUNT  COMMISSION  PENDING  LOCKED",
                "acme     blog          2026-06  3         1         159.90  12.792      8.792    4.00",
                "acme     news, weekly  2026-07  1         0         20.00   0.00        0.00     0.00");
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        assertThat(PayoutReport.csv(List.of(BLOG_JUNE, NEWS_JULY))).isEqualTo(
                "program,partner,month,credited,reversed,amount,commission,pending,locked\r\n"
                        + "acme,blog,2026-06,3,1,159.90,12.792,8.792,4.00\r\n"
                        + "acme,\"news, weekly\",2026-07,1,0,20.00,0.00,0.00,0.00\r\n");
    }

    @Test
    void filtersByProgramPartnerAndMonth() {
        List<PayoutLine> all = List.of(BLOG_JUNE, NEWS_JULY, SHOP_JUNE);

        assertThat(all.stream().filter(new PayoutReport.Filter(null, null, null))).containsExactlyElementsOf(all);
        assertThat(all.stream().filter(new PayoutReport.Filter("acme", null, null))).containsExactly(BLOG_JUNE, NEWS_JULY);
        assertThat(all.stream().filter(new PayoutReport.Filter(null, "blog", null))).containsExactly(BLOG_JUNE, SHOP_JUNE);
        assertThat(all.stream().filter(new PayoutReport.Filter(null, null, YearMonth.parse("2026-07"))))
                .containsExactly(NEWS_JULY);
        assertThat(all.stream().filter(new PayoutReport.Filter("shop", "blog", YearMonth.parse("2026-07")))).isEmpty();
    }
}
