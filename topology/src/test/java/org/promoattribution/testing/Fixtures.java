package org.promoattribution.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.CreditPolicy;
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
