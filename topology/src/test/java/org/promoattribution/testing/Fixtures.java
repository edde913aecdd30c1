package org.promoattribution.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionRate;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.LineItem;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;

/** Readable records for tests: program "acme" unless said otherwise, times as ISO-8601 text. */
public final class Fixtures {
    public static final String PROGRAM = "acme";

    private Fixtures() {
    }

    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    public static Click click(String clickId, String sessionId, String partnerId, String time) {
        return Click.newBuilder()
                .setClickId(clickId)
                .setProgramId(PROGRAM)
                .setSessionId(sessionId)
                .setPartnerId(partnerId)
                .setTimestamp(at(time))
                .build();
    }

    public static Conversion conversion(String conversionId, String sessionId, String time, String... codes) {
        return Conversion.newBuilder()
                .setConversionId(conversionId)
                .setProgramId(PROGRAM)
                .setSessionId(sessionId)
                .setTimestamp(at(time))
                .setPromoCodes(List.of(codes))
                .setAmount(new BigDecimal("59.9000"))
                .setCurrency("USD")
                .build();
    }

    /** A refund or cancellation of conversion {@code conversionId}. */
    public static ConversionAdjustment reversal(String adjustmentId, String conversionId, String time) {
        return adjustment(adjustmentId, conversionId, time, AdjustmentKind.REVERSAL, null);
    }

    /** A change of conversion {@code conversionId}'s total to {@code amount}. */
    public static ConversionAdjustment amountChange(String adjustmentId, String conversionId, String time,
                                                    String amount) {
        return adjustment(adjustmentId, conversionId, time, AdjustmentKind.AMOUNT_CHANGE,
                new BigDecimal(amount).setScale(4));
    }

    private static ConversionAdjustment adjustment(String adjustmentId, String conversionId, String time,
                                                   AdjustmentKind kind, BigDecimal amount) {
        return ConversionAdjustment.newBuilder()
                .setAdjustmentId(adjustmentId)
                .setConversionId(conversionId)
                .setProgramId(PROGRAM)
                .setTimestamp(at(time))
                .setKind(kind)
                .setAmount(amount)
                .build();
    }

    public static PromoCode exact(String promoCodeId, String code, String partnerId, CreditPolicy policy) {
        return code(promoCodeId, code, MatchType.EXACT, partnerId, policy);
    }

    public static PromoCode regex(String promoCodeId, String pattern, String partnerId, CreditPolicy policy) {
        return code(promoCodeId, pattern, MatchType.REGEX, partnerId, policy);
    }

    private static PromoCode code(String promoCodeId, String code, MatchType matchType, String partnerId,
                                  CreditPolicy policy) {
        return PromoCode.newBuilder()
                .setPromoCodeId(promoCodeId)
                .setProgramId(PROGRAM)
                .setCode(code)
                .setPartnerId(partnerId)
                .setMatchType(matchType)
                .setCreditPolicy(policy)
                .setDealId("deal-" + promoCodeId)
                .build();
    }

    /** The same definition with a schedule; null bounds are open. */
    public static PromoCode scheduled(PromoCode code, String validFrom, String validTo) {
        return PromoCode.newBuilder(code)
                .setValidFrom(validFrom == null ? null : at(validFrom))
                .setValidTo(validTo == null ? null : at(validTo))
                .build();
    }

    /** Terms of program "acme" for {@code partnerId} (null: the program's defaults) at {@code rate} percent, open schedule. */
    public static CommissionTerms.Builder terms(String termsId, String partnerId, String rate) {
        return CommissionTerms.newBuilder()
                .setTermsId(termsId)
                .setProgramId(PROGRAM)
                .setPartnerId(partnerId)
                .setRate(money(rate));
    }

    public static CommissionRate codeRate(String rate, String flat) {
        return CommissionRate.newBuilder().setRate(money(rate)).setFlat(money(flat)).build();
    }

    public static LineItem item(String sku, String category, int quantity, String unitPrice) {
        return LineItem.newBuilder().setSku(sku).setCategory(category).setQuantity(quantity)
                .setUnitPrice(money(unitPrice)).build();
    }

    /** The same order with line items. */
    public static Conversion withItems(Conversion conversion, LineItem... items) {
        return Conversion.newBuilder(conversion).setItems(List.of(items)).build();
    }

    /** The same order with another amount (null: none). */
    public static Conversion withAmount(Conversion conversion, String amount) {
        return Conversion.newBuilder(conversion).setAmount(money(amount)).build();
    }

    /** An exact decimal at the records' scale of 4; null stays null. */
    public static BigDecimal money(String value) {
        return value == null ? null : new BigDecimal(value).setScale(4);
    }

    public static Click inProgram(Click click, String programId) {
        return Click.newBuilder(click).setProgramId(programId).build();
    }

    public static Conversion inProgram(Conversion conversion, String programId) {
        return Conversion.newBuilder(conversion).setProgramId(programId).build();
    }

    public static PromoCode inProgram(PromoCode code, String programId) {
        return PromoCode.newBuilder(code).setProgramId(programId).build();
    }
}
