package org.promoattribution.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.AdjustmentReason;
import org.promoattribution.schemas.AdjustmentStatus;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionRate;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.LineItem;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.Reason;

/** Sample records, and wire-format bytes written by some other producer's schema. */
final class TestRecords {
    static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123Z");

    private TestRecords() {
    }

    static Click click() {
        return Click.newBuilder().setClickId("c-1").setProgramId("p-1").setSessionId("s-1").setPartnerId("partner-7")
                .setTimestamp(T0).setLandingUrl("https://shop.example/landing").setReferrer("https://blog.example")
                .build();
    }

    static Conversion conversion() {
        return Conversion.newBuilder().setConversionId("o-1").setProgramId("p-1").setSessionId("s-1")
                .setTimestamp(T0.plusSeconds(60)).setPromoCodes(List.of("SPRING10", " spring10 "))
                .setAmount(new BigDecimal("1234.5600")).setCurrency("EUR").setCustomerId(null)
                .build();
    }

    static AttributionDecision decision() {
        return AttributionDecision.newBuilder().setConversionId("o-1").setProgramId("p-1").setSessionId("s-1")
                .setTimestamp(T0.plusSeconds(60)).setAmount(new BigDecimal("99.9900")).setCurrency("EUR")
                .setOutcome(Outcome.CREDITED).setReason(Reason.PROMO_CODE_WINNER).setPartnerId("partner-7")
                .setBasis(Basis.PROMO_CODE).setPromoCodeId("pc-1").setPromoCode("SPRING10").setDealId(null)
                .setClickId("c-1").setClickTimestamp(T0).setUnmatchedCodes(List.of("NOPE"))
                .setDecidedAt(T0.plusSeconds(61))
                .build();
    }

    static Conversion conversionWithItems() {
        return Conversion.newBuilder(conversion()).setItems(List.of(
                LineItem.newBuilder().setSku("sku-1").setCategory("shoes").setQuantity(2)
                        .setUnitPrice(new BigDecimal("19.9900")).build(),
                LineItem.newBuilder().setSku("sku-2").setCategory(null).setQuantity(1)
                        .setUnitPrice(new BigDecimal("0.0000")).build())).build();
    }

    static CommissionTerms terms() {
        return CommissionTerms.newBuilder().setTermsId("t-1").setProgramId("p-1").setPartnerId("partner-7")
                .setValidFrom(T0).setValidTo(null).setReferralWindow("P7D")
                .setRate(new BigDecimal("8.0000")).setFlat(new BigDecimal("0.5000"))
                .setCodeRates(Map.of("pc-1", CommissionRate.newBuilder().setRate(new BigDecimal("5.0000"))
                        .setFlat(null).build()))
                .setCategoryRates(Map.of("shoes", new BigDecimal("10.1234"))).build();
    }

    static ConversionAdjustment adjustment() {
        return ConversionAdjustment.newBuilder().setAdjustmentId("a-1").setConversionId("o-1").setProgramId("p-1")
                .setTimestamp(T0.plusSeconds(3600)).setKind(AdjustmentKind.AMOUNT_CHANGE)
                .setAmount(new BigDecimal("49.9900")).setNote("partial refund").build();
    }

    static AdjustmentDecision adjustmentDecision() {
        return AdjustmentDecision.newBuilder().setAdjustmentId("a-1").setConversionId("o-1").setProgramId("p-1")
                .setStatus(AdjustmentStatus.APPLIED).setReason(AdjustmentReason.AMOUNT_CHANGED)
                .setOutcome(Outcome.CREDITED).setPartnerId("partner-7").setPreviousAmount(new BigDecimal("99.9900"))
                .setAmount(new BigDecimal("49.9900")).setDecidedAt(T0.plusSeconds(3601)).build();
    }

    static PromoCode promoCode() {
        return PromoCode.newBuilder().setPromoCodeId("pc-1").setProgramId("p-1").setCode("SPRING[0-9]+")
                .setPartnerId("partner-7").setMatchType(MatchType.REGEX).setCreditPolicy(CreditPolicy.IF_WINNER)
                .setDealId("d-1").setComments("thanks").setEmail(null).setValidFrom(T0).setValidTo(null)
                .build();
    }

    /** The Confluent wire format of {@code record}, written with {@code schema} under {@code id}. */
    static byte[] wireBytes(int id, Schema schema, GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(ByteBuffer.allocate(WireFormat.HEADER_SIZE).put((byte) 0).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
