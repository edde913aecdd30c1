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
    /** A BigDecimal as Avro decodes it: with a BigInteger and its int[] beside it. */
    private static final long DECODED_DECIMAL_BYTES = 104;
    /** This record, its schedule and two instants, its window and its base rate, at most. */
    private static final long FIXED_BYTES = HeapBytes.object(8 * HeapBytes.REFERENCE)
            + HeapBytes.object(2 * HeapBytes.REFERENCE) + 3 * HeapBytes.object(Long.BYTES + Integer.BYTES)
            + HeapBytes.object(2 * HeapBytes.REFERENCE) + 2 * DECODED_DECIMAL_BYTES;

    public Terms(String termsId, String programId, String partnerId, Schedule schedule, Duration referralWindow,
                 Rate base, Map<String, Rate> codeRates, Map<String, BigDecimal> categoryRates) {
        this(termsId, programId, partnerId, schedule, referralWindow, base, new CodeRates(codeRates),
                new CategoryRates(categoryRates));
    }

    /** The heap these terms take (estimated: {@link HeapBytes}). */
    public long bytes() {
        return FIXED_BYTES + HeapBytes.string(termsId) + HeapBytes.string(programId) + HeapBytes.string(partnerId)
                + codeRates.bytes() + categoryRates.bytes();
    }
}
