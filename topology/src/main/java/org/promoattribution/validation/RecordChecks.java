package org.promoattribution.validation;

import org.promoattribution.deadletter.DeadLetterReason;
import java.math.BigDecimal;
import java.time.Instant;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;

/**
 * The checks of SPEC "Records", "Time" and "Limits" for clicks, conversions and adjustments; the first that
 * fails names the record's dead-letter reason. {@code now} is the wall clock when the record is
 * processed.
 */
public final class RecordChecks {
    private final RecordLimits limits;
    private final EventTimes times;

    public RecordChecks(RecordLimits limits, EventTimes times) {
        this.limits = limits;
        this.times = times;
    }

    public Click check(Click click, Instant now) {
        requireId("clickId", click.getClickId());
        requireId("programId", click.getProgramId());
        requireId("sessionId", click.getSessionId());
        requireId("partnerId", click.getPartnerId());
        times.eventTime(click.getTimestamp(), now);
        return click;
    }

    public Conversion check(Conversion conversion, Instant now) {
        requireId("conversionId", conversion.getConversionId());
        requireId("programId", conversion.getProgramId());
        RecordLimits.shortText("sessionId", conversion.getSessionId());
        RecordLimits.shortText("customerId", conversion.getCustomerId());
        RecordLimits.shortText("currency", conversion.getCurrency());
        times.eventTime(conversion.getTimestamp(), now);
        amount(conversion.getAmount());
        limits.typedCodes(conversion.getPromoCodes());
        limits.items(conversion.getItems());
        return conversion;
    }

    /** SPEC "Records": an AMOUNT_CHANGE needs the new amount; a REVERSAL's amount is ignored. */
    public ConversionAdjustment check(ConversionAdjustment adjustment, Instant now) {
        requireId("adjustmentId", adjustment.getAdjustmentId());
        requireId("conversionId", adjustment.getConversionId());
        requireId("programId", adjustment.getProgramId());
        times.eventTime(adjustment.getTimestamp(), now);
        if (adjustment.getKind() == AdjustmentKind.AMOUNT_CHANGE) {
            if (adjustment.getAmount() == null) {
                throw new InvalidRecordException(DeadLetterReason.MISSING_FIELD,
                        "missing required field amount (an AMOUNT_CHANGE sets the order's new total)");
            }
            amount(adjustment.getAmount());
        }
        return adjustment;
    }

    private static void amount(BigDecimal amount) {
        RecordLimits.amount(amount); // first: a number of a million digits is not worth printing
        if (amount != null && amount.signum() < 0) {
            throw new InvalidRecordException(DeadLetterReason.NEGATIVE_AMOUNT,
                    "amount must not be negative: " + amount.stripTrailingZeros().toPlainString());
        }
    }

    /** A required id: present, not blank, and within the id length limit. */
    static void requireId(String field, String value) {
        requireText(field, value);
        RecordLimits.shortText(field, value);
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(DeadLetterReason.MISSING_FIELD, "missing required field " + field);
        }
    }
}
