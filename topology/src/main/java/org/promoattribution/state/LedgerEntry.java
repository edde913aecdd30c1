package org.promoattribution.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.promoattribution.rule.ConversionBalance;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Outcome;

/**
 * What SPEC "Adjustments" needs to know of a decided conversion, as the decision ledger keeps it:
 * the decision's outcome and partner, the conversion's event time, its current amount (exact) and
 * whether it was reversed. Encoded by hand in a few bytes (one flag byte, the event time, the
 * amount's scale and unscaled digits, the partner), since one is kept per order for
 * adjustment.retention.
 */
public record LedgerEntry(Outcome outcome, String partnerId, long conversionTimeMs, BigDecimal amount, boolean reversed) {
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final int OUTCOME_BITS = 0b11;
    private static final int REVERSED = 1 << 2;
    private static final int HAS_PARTNER = 1 << 3;
    private static final int HAS_AMOUNT = 1 << 4;

    public static LedgerEntry of(AttributionDecision decision) {
        return new LedgerEntry(decision.getOutcome(), decision.getPartnerId(), decision.getTimestamp().toEpochMilli(),
                decision.getAmount(), false);
    }

    public static LedgerEntry of(ConversionBalance balance) {
        return new LedgerEntry(balance.outcome(), balance.partnerId(), balance.conversionTime().toEpochMilli(),
                balance.amount(), balance.reversed());
    }

    /** The conversion as SPEC "Adjustments" sees it. */
    public ConversionBalance balance() {
        return new ConversionBalance(outcome, partnerId, Instant.ofEpochMilli(conversionTimeMs), amount, reversed);
    }

    public byte[] encode() {
        byte[] unscaled = amount == null ? new byte[0] : amount.unscaledValue().toByteArray();
        byte[] partner = partnerId == null ? new byte[0] : partnerId.getBytes(StandardCharsets.UTF_8);
        int flags = outcome.ordinal() | (reversed ? REVERSED : 0) | (partnerId != null ? HAS_PARTNER : 0)
                | (amount != null ? HAS_AMOUNT : 0);
        ByteBuffer out = ByteBuffer.allocate(1 + Long.BYTES + (amount == null ? 0 : 2 + unscaled.length) + partner.length);
        out.put((byte) flags).putLong(conversionTimeMs);
        if (amount != null) { // decimal(20,4): a scale of at most 4 and at most 9 bytes of digits
            out.put((byte) amount.scale()).put((byte) unscaled.length).put(unscaled);
        }
        return out.put(partner).array();
    }

    public static LedgerEntry decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int flags = in.get();
        long time = in.getLong();
        BigDecimal amount = null;
        if ((flags & HAS_AMOUNT) != 0) {
            int scale = in.get();
            byte[] unscaled = new byte[in.get()];
            in.get(unscaled);
            amount = new BigDecimal(new BigInteger(unscaled), scale);
        }
        String partner = (flags & HAS_PARTNER) == 0 ? null
                : new String(bytes, in.position(), in.remaining(), StandardCharsets.UTF_8);
        return new LedgerEntry(OUTCOMES[flags & OUTCOME_BITS], partner, time, amount, (flags & REVERSED) != 0);
    }
}
