package org.promoattribution.validation;

import java.math.BigDecimal;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;

/** The field checks of SPEC "Records" for clicks and conversions. */
public final class RecordChecks {
    private RecordChecks() {
    }

    public static Click check(Click click) {
        requireText("clickId", click.getClickId());
        requireText("programId", click.getProgramId());
        requireText("sessionId", click.getSessionId());
        requireText("partnerId", click.getPartnerId());
        return click;
    }

    public static Conversion check(Conversion conversion) {
        requireText("conversionId", conversion.getConversionId());
        requireText("programId", conversion.getProgramId());
        BigDecimal amount = conversion.getAmount();
        if (amount != null && amount.signum() < 0) {
            throw new InvalidRecordException(DeadLetterReason.NEGATIVE_AMOUNT,
                    "amount must not be negative: " + amount.stripTrailingZeros().toPlainString());
        }
        return conversion;
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(DeadLetterReason.MISSING_FIELD, "missing required field " + field);
        }
    }
}
