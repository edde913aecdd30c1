package org.promoattribution.admin;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;

/**
 * Reads promo-code definitions from CSV (a header row of {@link CsvColumn}s, then one code a
 * row) and checks each the way the pipeline will ({@link CodeDefinitions#from}). Start and end
 * date-times are local to the row's time zone, as entered in the form.
 */
public final class PromoCodeCsv {
    private static final CsvSheet<CsvColumn> SHEET = new CsvSheet<>(CsvColumn.class, "promoCodeId", "code");

    /** The columns, in the form's order (a constant, for help texts). */
    public static final String COLUMNS = "promoCodeId, programId, partner, code, credit policy, match type, deal, "
            + "comments, email, start date-time, end date-time, time zone";

    private PromoCodeCsv() {
    }

    /** The file's rows, blank ones left out; a file-level problem (the header) is an IllegalArgumentException. */
    public static List<SheetRow<PromoCode>> read(Reader csv) throws IOException {
        return SHEET.read(csv, PromoCodeCsv::code, PromoCode::getPromoCodeId);
    }

    private static PromoCode code(SheetCells<CsvColumn> row) {
        MatchType matchType = row.choice(CsvColumn.MATCH_TYPE, FormChoice.MATCH_TYPE);
        PromoCode code = PromoCode.newBuilder()
                .setPromoCodeId(row.text(CsvColumn.PROMO_CODE_ID))
                .setProgramId(row.text(CsvColumn.PROGRAM_ID))
                .setPartnerId(row.text(CsvColumn.PARTNER))
                // SPEC rule 4: a pattern is used exactly as written (SUMMER\ keeps its space)
                .setCode(matchType == MatchType.REGEX ? row.asWritten(CsvColumn.CODE) : row.text(CsvColumn.CODE))
                .setCreditPolicy(row.choice(CsvColumn.CREDIT_POLICY, FormChoice.CREDIT_POLICY))
                .setMatchType(matchType)
                .setDealId(row.optional(CsvColumn.DEAL))
                .setComments(row.optional(CsvColumn.COMMENTS))
                .setEmail(row.optional(CsvColumn.EMAIL))
                .setValidFrom(row.instant(CsvColumn.START, CsvColumn.TIME_ZONE, null))
                .setValidTo(row.instant(CsvColumn.END, CsvColumn.TIME_ZONE, null))
                .build();
        CodeDefinitions.from(code);
        return code;
    }
}
