package org.promoattribution.admin;

import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.validation.TermsDefinitions;

/**
 * Reads commission terms from CSV (a header row of {@link TermsColumn}s, then one set of terms a
 * row). A blank partner makes the program's default terms. Valid from and to are local date-times
 * of the row's time zone, UTC when it has none (payout months are UTC months). Rates are percent
 * ("7.5", "7,5" or "7.5%"); code rates and category rates are lists ({@link RateList}). Each row is
 * checked as the pipeline checks terms ({@link TermsDefinitions#from}).
 */
public final class CommissionTermsCsv {
    private static final CsvSheet<TermsColumn> SHEET = new CsvSheet<>(TermsColumn.class, "Terms ID", "terms");

    /** The columns, in their order (a constant, for help texts). */
    public static final String COLUMNS = "Terms ID, Program, Partner, Valid from, Valid to, Time zone, "
            + "Referral window, Rate %, Flat, Code rates, Category rates";

    private final Duration maxWindow;

    /** @param maxWindow referral.window.max, which the pipeline checks each referral window against */
    public CommissionTermsCsv(Duration maxWindow) {
        this.maxWindow = maxWindow;
    }

    /** The file's rows, blank ones left out; a file-level problem (the header) is an IllegalArgumentException. */
    public List<SheetRow<CommissionTerms>> read(Reader csv) throws IOException {
        return SHEET.read(csv, this::terms, CommissionTerms::getTermsId);
    }

    private CommissionTerms terms(SheetCells<TermsColumn> row) {
        CommissionTerms terms = CommissionTerms.newBuilder()
                .setTermsId(row.text(TermsColumn.TERMS_ID))
                .setProgramId(row.text(TermsColumn.PROGRAM))
                .setPartnerId(row.optional(TermsColumn.PARTNER))
                .setValidFrom(row.instant(TermsColumn.VALID_FROM, TermsColumn.TIME_ZONE, ZoneOffset.UTC))
                .setValidTo(row.instant(TermsColumn.VALID_TO, TermsColumn.TIME_ZONE, ZoneOffset.UTC))
                .setReferralWindow(ReferralWindowCell.parse(row.text(TermsColumn.REFERRAL_WINDOW),
                        TermsColumn.REFERRAL_WINDOW.header()))
                .setRate(SheetDecimal.parse(row.text(TermsColumn.RATE), true, TermsColumn.RATE.header()))
                .setFlat(SheetDecimal.parse(row.text(TermsColumn.FLAT), false, TermsColumn.FLAT.header()))
                .setCodeRates(RateList.codeRates(row.text(TermsColumn.CODE_RATES), TermsColumn.CODE_RATES.header()))
                .setCategoryRates(RateList.categoryRates(row.text(TermsColumn.CATEGORY_RATES),
                        TermsColumn.CATEGORY_RATES.header()))
                .build();
        TermsDefinitions.from(terms, maxWindow);
        return terms;
    }
}
