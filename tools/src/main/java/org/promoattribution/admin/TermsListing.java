package org.promoattribution.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.promoattribution.schemas.CommissionTerms;

/**
 * Commission terms as a plain-text table in the columns of the import sheet, so a listed row
 * reads as it was written (rates without trailing zeros, rate lists in the sheet's syntax), with
 * each one's status at a given time.
 */
public final class TermsListing extends ScheduleListing<CommissionTerms> {
    /** How a program's default terms show in the partner column. */
    public static final String DEFAULT_TERMS = "(default)";

    /** Valid from and to shown as local date-times of {@code zone}, as the import reads them. */
    public TermsListing(ZoneId zone) {
        super(List.of("TERMS ID", "PROGRAM", "PARTNER", "VALID FROM", "VALID TO", "REFERRAL WINDOW", "RATE %", "FLAT",
                "CODE RATES", "CATEGORY RATES"), zone, CommissionTerms::getValidFrom, CommissionTerms::getValidTo);
    }

    @Override
    List<String> cells(CommissionTerms t) {
        return List.of(t.getTermsId(), t.getProgramId(), t.getPartnerId() == null ? DEFAULT_TERMS : t.getPartnerId(),
                format(t.getValidFrom()), format(t.getValidTo()),
                t.getReferralWindow() == null ? "" : t.getReferralWindow(), decimal(t.getRate()), decimal(t.getFlat()),
                RateList.format(t.getCodeRates()), RateList.formatCategories(t.getCategoryRates()));
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "0" : RateList.plain(value);
    }
}
