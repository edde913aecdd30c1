package org.promoattribution.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.promoattribution.payouts.PayoutLine;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.PromoCodeUsage;

/**
 * Writes a decision, or an adjustment's decision, as one JSON line. By default the fields of the
 * SPEC.md example, in its order, with null for what is empty; {@code full} adds the rest of the
 * record. Also the other lines of {@code simulate}: usage figures and rejected events.
 */
public final class DecisionJson {
    private final ObjectMapper mapper;
    private final boolean full;

    public DecisionJson(ObjectMapper mapper, boolean full) {
        this.mapper = mapper;
        this.full = full;
    }

    public String format(AttributionDecision d) {
        ObjectNode json = mapper.createObjectNode();
        json.put("conversionId", d.getConversionId());
        json.put("outcome", d.getOutcome().name());
        json.put("reason", d.getReason().name());
        json.put("partnerId", d.getPartnerId());
        json.put("basis", d.getBasis() == null ? null : d.getBasis().name());
        json.put("promoCodeId", d.getPromoCodeId());
        json.put("promoCode", d.getPromoCode());
        json.put("dealId", d.getDealId());
        json.put("clickId", d.getClickId());
        ArrayNode unmatched = json.putArray("unmatchedCodes");
        d.getUnmatchedCodes().forEach(unmatched::add);
        // SPEC C2: beyond the example's fields, only when there is one (the example line stays as it is).
        if (d.getCommission() != null || full) {
            json.put("commission", decimal(d.getCommission()));
        }
        if (d.getTermsId() != null || full) {
            json.put("termsId", d.getTermsId());
        }
        if (full) {
            json.put("programId", d.getProgramId());
            json.put("sessionId", d.getSessionId());
            json.put("timestamp", iso(d.getTimestamp()));
            json.put("amount", amount(d.getAmount()));
            json.put("currency", d.getCurrency());
            json.put("clickTimestamp", iso(d.getClickTimestamp()));
            json.put("decidedAt", iso(d.getDecidedAt()));
        }
        return json.toString();
    }

    /** A decision or an adjustment's decision, whichever {@code decided} is. */
    public String format(SpecificRecord decided) {
        return decided instanceof AdjustmentDecision a ? format(a) : format((AttributionDecision) decided);
    }

    /** The fields of SPEC's adjustment line, in its order; {@code full} adds the rest. */
    public String format(AdjustmentDecision a) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", "adjustment");
        json.put("adjustmentId", a.getAdjustmentId());
        json.put("conversionId", a.getConversionId());
        json.put("status", a.getStatus().name());
        json.put("reason", a.getReason().name());
        json.put("partnerId", a.getPartnerId());
        json.put("previousAmount", decimal(a.getPreviousAmount()));
        json.put("amount", decimal(a.getAmount()));
        if (a.getCommission() != null || a.getPreviousCommission() != null || full) { // SPEC A7
            json.put("previousCommission", decimal(a.getPreviousCommission()));
            json.put("commission", decimal(a.getCommission()));
        }
        if (full) {
            json.put("programId", a.getProgramId());
            json.put("outcome", a.getOutcome() == null ? null : a.getOutcome().name());
            json.put("decidedAt", iso(a.getDecidedAt()));
        }
        return json.toString();
    }

    /** A (definition, day)'s figures: "type":"usage" and the fields of PromoCodeUsage, the day as 2026-06-01. */
    public String usage(PromoCodeUsage u) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", "usage");
        json.put("promoCodeId", u.getPromoCodeId());
        json.put("programId", u.getProgramId());
        json.put("partnerId", u.getPartnerId());
        json.put("day", u.getDay().toString());
        json.put("uses", u.getUses());
        json.put("credited", u.getCredited());
        json.put("invalid", u.getInvalid());
        json.put("withoutOwnerClick", u.getWithoutOwnerClick());
        json.put("leaking", u.getLeaking());
        return json.toString();
    }

    /** SPEC C5: one (programId, partnerId, month)'s payout figures, sums as decimal strings ("0" for nothing). */
    public String payout(PayoutLine p) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", "payout");
        json.put("programId", p.programId());
        json.put("partnerId", p.partnerId());
        json.put("month", p.month().toString());
        json.put("credited", p.credited());
        json.put("amount", decimal(p.amount()));
        json.put("commission", decimal(p.commission()));
        json.put("reversed", p.reversed());
        json.put("locked", decimal(p.locked()));
        return json.toString();
    }

    public String rejected(long line, String error) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", "rejected");
        json.put("line", line);
        json.put("error", error);
        return json.toString();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** As {@link #amount}, but nothing is "0", as in SPEC's reversal line: adjusted amounts, commissions, sums. */
    private static String decimal(BigDecimal value) {
        return value != null && value.signum() == 0 ? "0" : amount(value);
    }

    /** Amounts are stored at scale 4; shown with the trailing zeros dropped down to cents. */
    public static String amount(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
