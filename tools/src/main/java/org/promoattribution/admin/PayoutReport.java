package org.promoattribution.admin;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.promoattribution.payouts.PayoutLine;
import org.promoattribution.simulate.DecisionJson;

/**
 * SPEC C5's payout figures as people read them: a plain-text table or CSV, one row per program,
 * partner and month, with the commission split into pending (still open to adjustments) and
 * locked (past the program's lock period).
 */
public final class PayoutReport {
    private static final List<String> HEADERS = List.of("PROGRAM", "PARTNER", "MONTH", "CREDITED", "REVERSED",
            "AMOUNT", "COMMISSION", "PENDING", "LOCKED");
    private static final String CSV_HEADER = "program,partner,month,credited,reversed,amount,commission,pending,locked";

    private PayoutReport() {
    }

    /** Which lines to show: null for any program, partner or month. */
    public record Filter(String programId, String partnerId, YearMonth month) implements Predicate<PayoutLine> {
        @Override
        public boolean test(PayoutLine line) {
            return (programId == null || programId.equals(line.programId()))
                    && (partnerId == null || partnerId.equals(line.partnerId()))
                    && (month == null || month.equals(line.month()));
        }
    }

    public static String table(List<PayoutLine> lines) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        lines.forEach(line -> rows.add(cells(line).toList()));
        return TextTable.format(rows);
    }

    /** RFC 4180 CSV with a header row; ids are quoted when they hold a comma, quote or line break. */
    public static String csv(List<PayoutLine> lines) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        lines.forEach(line -> csv.append(cells(line).map(PayoutReport::csvCell).collect(Collectors.joining(",")))
                .append("\r\n"));
        return csv.toString();
    }

    private static Stream<String> cells(PayoutLine line) {
        return Stream.of(line.programId(), line.partnerId(), line.month().toString(), Long.toString(line.credited()),
                Long.toString(line.reversed()), decimal(line.amount()), decimal(line.commission()),
                decimal(line.pending()), decimal(line.locked()));
    }

    /** Money as simulate prints amounts: trailing zeros dropped down to cents (59.90, 4.792, 0.00). */
    private static String decimal(BigDecimal value) {
        return DecisionJson.amount(value);
    }

    private static String csvCell(String value) {
        return value.matches("[^\",\\r\\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
