package org.promoattribution.commission;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.promoattribution.codes.Schedule;

/**
 * Checked commission terms (SPEC "Commission"), as the index keeps them.
 *
 * @param partnerId      null: the program's default terms
 * @param referralWindow null: the terms set none (SPEC rule 1 looks further)
 * @param base           T.rate and T.flat
 * @param codeRates      promoCodeId → (rate, flat), for orders credited through that code
 * @param categoryRates  a line item's category, exactly as written → rate
 */
public record Terms(String termsId, String programId, String partnerId, Schedule schedule, Duration referralWindow,
                   Rate base, CodeRates codeRates, CategoryRates categoryRates) {

    public Terms(String termsId, String programId, String partnerId, Schedule schedule, Duration referralWindow,
                 Rate base, Map<String, Rate> codeRates, Map<String, BigDecimal> categoryRates) {
        this(termsId, programId, partnerId, schedule, referralWindow, base, new CodeRates(codeRates),
                new CategoryRates(categoryRates));
    }
}
