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
 * the decision's outcome and partner, the conversion's event time, its current amount (exact),
 * whether it was reversed, and its current commission with the flat part of it (C4). Encoded by
 * hand in a few bytes (one flag byte, the event time, the amount's scale and unscaled digits, the
 * commission's and flat's unscaled digits at scale 4, the partner), since one is kept per order for
 * adjustment.retention. Entries written before commissions existed lack the flag and read without one.
 *
 * @param commission null when the decision has none
 * @param flat       f of SPEC C2; null exactly when commission is
 */
public record LedgerEntry(Outcome outcome, String partnerId, long conversionTimeMs, BigDecimal amount, boolean reversed,
                          BigDecimal commission, BigDecimal flat) {
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final int OUTCOME_BITS = 0b11;
    private static final int REVERSED = 1 << 2;
    private static final int HAS_PARTNER = 1 << 3;
    private static final int HAS_AMOUNT = 1 << 4;
    private static final int HAS_COMMISSION = 1 << 5;
    private static final int COMMISSION_SCALE = 4;

    /** @param flat the flat part of the decision's commission, null without one */
    public static LedgerEntry of(AttributionDecision decision, BigDecimal flat) {
        BigDecimal commission = decision.getCommission();
        return new LedgerEntry(decision.getOutcome(), decision.getPartnerId(), decision.getTimestamp().toEpochMilli(),
                decision.getAmount(), false, commission, commission == null ? null : flat);
    }

    public static LedgerEntry of(ConversionBalance balance) {
        return new LedgerEntry(balance.outcome(), balance.partnerId(), balance.conversionTime().toEpochMilli(),
                balance.amount(), balance.reversed(), balance.commission(), balance.flat());
    }

    /** The conversion as SPEC "Adjustments" sees it. */
    public ConversionBalance balance() {
        return new ConversionBalance(outcome, partnerId, Instant.ofEpochMilli(conversionTimeMs), amount, reversed,
                commission, flat);
    }

    public byte[] encode() {
        byte[] unscaled = amount == null ? new byte[0] : amount.unscaledValue().toByteArray();
        byte[] commissionDigits = commission == null ? new byte[0] : digitsAtScale4(commission);
        byte[] flatDigits = commission == null ? new byte[0] : digitsAtScale4(flat);
        byte[] partner = partnerId == null ? new byte[0] : partnerId.getBytes(StandardCharsets.UTF_8);
        int flags = outcome.ordinal() | (reversed ? REVERSED : 0) | (partnerId != null ? HAS_PARTNER : 0)
                | (amount != null ? HAS_AMOUNT : 0) | (commission != null ? HAS_COMMISSION : 0);
        ByteBuffer out = ByteBuffer.allocate(1 + Long.BYTES + (amount == null ? 0 : 2 + unscaled.length)
                + (commission == null ? 0 : 2 + commissionDigits.length + flatDigits.length) + partner.length);
        out.put((byte) flags).putLong(conversionTimeMs);
        if (amount != null) { // decimal(20,4): a scale of at most 4 and at most 9 bytes of digits
            out.put((byte) amount.scale()).put((byte) unscaled.length).put(unscaled);
        }
        if (commission != null) { // decimal(20,4) both: the scale goes without saying
            out.put((byte) commissionDigits.length).put(commissionDigits).put((byte) flatDigits.length).put(flatDigits);
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
            amount = new BigDecimal(new BigInteger(next(in)), scale);
        }
        BigDecimal commission = null;
        BigDecimal flat = null;
        if ((flags & HAS_COMMISSION) != 0) {
            commission = new BigDecimal(new BigInteger(next(in)), COMMISSION_SCALE);
            flat = new BigDecimal(new BigInteger(next(in)), COMMISSION_SCALE);
        }
        String partner = (flags & HAS_PARTNER) == 0 ? null
                : new String(bytes, in.position(), in.remaining(), StandardCharsets.UTF_8);
        return new LedgerEntry(OUTCOMES[flags & OUTCOME_BITS], partner, time, amount, (flags & REVERSED) != 0,
                commission, flat);
    }

    private static byte[] digitsAtScale4(BigDecimal value) {
        return value.setScale(COMMISSION_SCALE).unscaledValue().toByteArray();
    }

    /** Digits prefixed by their count in one byte. */
    private static byte[] next(ByteBuffer in) {
        byte[] digits = new byte[in.get()];
        in.get(digits);
        return digits;
    }
}
