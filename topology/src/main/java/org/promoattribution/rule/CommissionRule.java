package org.promoattribution.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.promoattribution.commission.Rate;
import org.promoattribution.commission.Terms;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.LineItem;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.validation.RecordLimits;

/**
 * SPEC "Commission" C2 and C4 as pure functions: what a credit is worth under the terms in force,
 * and what an adjustment makes of it. Exact arithmetic, rounded half-even to 4 decimals once, at the end.
 */
public final class CommissionRule {
    public static final int SCALE = 4;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private CommissionRule() {
    }

    /**
     * C2.
     *
     * @param terms  the credited partner's terms in force at t (C1), or null
     * @param amount the order's amount, or null
     * @param items  the order's line items, or null
     * @return null when there is none: not CREDITED, or no terms
     */
    public static Commission of(Verdict verdict, Terms terms, BigDecimal amount, List<LineItem> items) {
        if (verdict.outcome() != Outcome.CREDITED || terms == null) {
            return null;
        }
        Rate code = verdict.basis() == Basis.PROMO_CODE
                ? terms.codeRates().get(verdict.code().definition().promoCodeId()) : null;
        Rate rate = code != null ? code : terms.base();
        BigDecimal percentOfOrder; // Σ base × rate, in percent: divided by 100 once, below
        if (items == null || items.isEmpty()) {
            percentOfOrder = amount == null ? BigDecimal.ZERO : amount.multiply(rate.rate());
        } else {
            percentOfOrder = BigDecimal.ZERO;
            for (LineItem item : items) {
                BigDecimal itemRate = code != null ? code.rate() : categoryRate(terms, item.getCategory());
                percentOfOrder = percentOfOrder.add(item.getUnitPrice()
                        .multiply(BigDecimal.valueOf(item.getQuantity())).multiply(itemRate));
            }
        }
        BigDecimal commission = percentOfOrder.movePointLeft(2).add(rate.flat()).setScale(SCALE, RoundingMode.HALF_EVEN);
        return new Commission(terms.termsId(), fits(commission) ? commission : null,
                rate.flat().setScale(SCALE, RoundingMode.UNNECESSARY));
    }

    /**
     * C4: the commission after an applied adjustment. REVERSAL: 0. AMOUNT_CHANGE from a to a':
     * (c − f) × a' / a + f; it stays c when a is 0 or absent or the result does not fit decimal(20,4).
     *
     * @param commission c, before the adjustment; null stays null (a decision without commission)
     * @param flat       f of C2
     * @param newAmount  a', null for a REVERSAL
     */
    public static BigDecimal adjusted(BigDecimal commission, BigDecimal flat, BigDecimal amount, BigDecimal newAmount,
                                      boolean reversal) {
        if (commission == null) {
            return null;
        }
        if (reversal) {
            return ZERO;
        }
        if (amount == null || amount.signum() == 0) {
            return commission;
        }
        // ((c − f) × a' + f × a) / a, one exact division rounded once.
        BigDecimal result = commission.subtract(flat).multiply(newAmount).add(flat.multiply(amount))
                .divide(amount, SCALE, RoundingMode.HALF_EVEN);
        return fits(result) ? result : commission;
    }

    private static BigDecimal categoryRate(Terms terms, String category) {
        BigDecimal rate = category == null ? null : terms.categoryRates().get(category);
        return rate != null ? rate : terms.base().rate();
    }

    private static boolean fits(BigDecimal value) {
        return RecordLimits.beyondDecimal204(value) == null;
    }
}
