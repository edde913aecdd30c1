package org.promoattribution.validation;

import org.promoattribution.deadletter.DeadLetterReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.promoattribution.codes.TypedCodes;
import org.promoattribution.config.OwnedKeys;
import org.promoattribution.config.Parsers;
import org.promoattribution.schemas.LineItem;

/**
 * SPEC "Limits": the bounds every record keeps, so that nothing made from it downstream (a
 * decision, an explanation, a changelog entry) can outgrow Kafka's record size, and no typed
 * code can make matching slow. A record past one is {@link DeadLetterReason#LIMIT_EXCEEDED} and
 * {@code dlq.error} names the limit. Lengths count Unicode code points.
 */
public final class RecordLimits {
    public static final String MAX_CODES = "conversion.max.codes";
    private static final int DEFAULT_MAX_CODES = 100;
    public static final String MAX_ITEMS = "conversion.max.items";
    private static final int DEFAULT_MAX_ITEMS = 100;
    /** The settings of these limits, read by {@link org.promoattribution.config.AttributionConfig}. */
    public static final OwnedKeys KEYS = OwnedKeys.of("record limits", "conversion.")
            .define(MAX_CODES, Parsers::positiveInt, String.valueOf(DEFAULT_MAX_CODES),
                    "more promo codes than this on one order is LIMIT_EXCEEDED")
            .define(MAX_ITEMS, Parsers::positiveInt, String.valueOf(DEFAULT_MAX_ITEMS),
                    "more line items than this on one order is LIMIT_EXCEEDED");
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_ID_LENGTH = 256;
    public static final int MAX_CODE_LENGTH = 1_000;
    /** decimal(20,4): at most 16 digits before the point and 4 after. */
    public static final int AMOUNT_INTEGER_DIGITS = 16;
    public static final int AMOUNT_SCALE = 4;
    /** Any amount whose unscaled value needs more bits is surely past decimal(20,4); cheaper than counting digits. */
    private static final int AMOUNT_MAX_BITS = 70;
    private static final int AMOUNT_EXTRA_ZEROS_TRIED = 64;

    private final int maxCodes;
    private final int maxItems;

    public RecordLimits(int maxCodes, int maxItems) {
        this.maxCodes = maxCodes;
        this.maxItems = maxItems;
    }

    /** An id, dealId or currency: at most 256 characters. Null passes (optional fields). */
    public static void shortText(String field, String value) {
        if (value != null && length(value) > MAX_ID_LENGTH) {
            throw exceeded(field + " length", field + " is " + length(value) + " characters long; at most "
                    + MAX_ID_LENGTH + " are allowed");
        }
    }

    /** The codes typed on one order: at most {@code conversion.max.codes} of them, each at most 1,000 characters trimmed. */
    public void typedCodes(List<String> typed) {
        if (typed.size() > maxCodes) {
            throw exceeded(MAX_CODES, "the order carries " + typed.size() + " promo codes; at most " + maxCodes
                    + " are allowed");
        }
        for (int i = 0; i < typed.size(); i++) {
            String code = typed.get(i);
            // Only a code this long can be: trimming and counting code points cost nothing otherwise.
            if (code != null && code.length() > MAX_CODE_LENGTH && length(TypedCodes.trim(code)) > MAX_CODE_LENGTH) {
                throw exceeded("promo code length", "promo code " + (i + 1) + " is " + length(TypedCodes.trim(code))
                        + " characters long after trimming; at most " + MAX_CODE_LENGTH + " are allowed");
            }
        }
    }

    /**
     * An order's line items: at most {@code conversion.max.items}, each with a sku, sku and category
     * of at most 256 characters, a quantity of 1 to 1,000,000, a unit price that fits decimal(20,4)
     * and is not negative, and a total (Σ quantity × unitPrice) that fits decimal(20,4). Null passes.
     */
    public void items(List<LineItem> items) {
        if (items == null) {
            return;
        }
        if (items.size() > maxItems) {
            throw exceeded(MAX_ITEMS, "the order carries " + items.size() + " items; at most " + maxItems
                    + " are allowed");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            String name = "items[" + i + "]";
            RecordChecks.requireText(name + ".sku", item.getSku());
            shortText(name + ".sku", item.getSku());
            shortText(name + ".category", item.getCategory());
            if (item.getQuantity() < 1 || item.getQuantity() > MAX_QUANTITY) {
                throw exceeded("item quantity", name + ".quantity is " + item.getQuantity() + "; it must be 1 to "
                        + MAX_QUANTITY);
            }
            BigDecimal price = item.getUnitPrice();
            String problem = beyondDecimal204(price);
            if (problem != null) {
                throw exceeded("item unitPrice decimal(20,4)", name + ".unitPrice " + problem);
            }
            if (price.signum() < 0) {
                throw new InvalidRecordException(DeadLetterReason.NEGATIVE_AMOUNT,
                        name + ".unitPrice must not be negative: " + price.stripTrailingZeros().toPlainString());
            }
            total = total.add(price.multiply(BigDecimal.valueOf(item.getQuantity())));
        }
        String problem = beyondDecimal204(total);
        if (problem != null) {
            throw exceeded("items total decimal(20,4)", "the items' total (quantity x unitPrice) " + problem);
        }
    }

    /**
     * An amount must fit decimal(20,4). Zeros past the fourth decimal are no digits (1.00000 fits);
     * beyond {@value #AMOUNT_EXTRA_ZEROS_TRIED} of them the amount is refused without dividing it
     * down, as a hostile one could make that slow.
     */
    public static void amount(BigDecimal amount) {
        String problem = beyondDecimal204(amount);
        if (problem != null) {
            throw exceeded("amount decimal(20,4)", "amount " + problem);
        }
    }

    /** Why {@code value} does not fit decimal(20,4) ("has more than ... digits ..."), or null when it fits (or is null). */
    public static String beyondDecimal204(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal fitted = value;
        if (value.scale() > AMOUNT_SCALE) {
            try {
                if (value.scale() - AMOUNT_SCALE > AMOUNT_EXTRA_ZEROS_TRIED) {
                    throw new ArithmeticException("too many decimals to try");
                }
                fitted = value.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                return "has more than " + AMOUNT_SCALE + " digits after the decimal point";
            }
        }
        // With at most 4 decimals, an unscaled value past 70 bits has more than 16 digits before the point.
        if (fitted.unscaledValue().bitLength() > AMOUNT_MAX_BITS
                || (long) fitted.precision() - fitted.scale() > AMOUNT_INTEGER_DIGITS) { // 1e2147483647 overflows an int
            return "has more than " + AMOUNT_INTEGER_DIGITS + " digits before the decimal point";
        }
        return null;
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static InvalidRecordException exceeded(String limit, String message) {
        return new InvalidRecordException(DeadLetterReason.LIMIT_EXCEEDED, "limit " + limit + ": " + message);
    }
}
