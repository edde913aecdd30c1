package org.promoattribution.admin;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.promoattribution.validation.RecordLimits;

/**
 * A decimal as people type it in a spreadsheet: "7.5", "7,5" (a decimal comma), "7.5%" for a
 * rate. Read exactly, never through a double. A lone comma followed by exactly three digits
 * ("1,000") could be either a thousands separator or a decimal comma, so it is refused rather than
 * guessed, as is a number with both commas and points.
 */
final class SheetDecimal {
    /** Far more than a decimal(20,4) needs: longer text is refused before it is parsed. */
    private static final int MAX_CHARS = 64;
    /** Rates and flats travel as decimal(20,4), as amounts do. */
    private static final int SCALE = RecordLimits.AMOUNT_SCALE;
    private static final int INTEGER_DIGITS = RecordLimits.AMOUNT_INTEGER_DIGITS;
    private static final Pattern AMBIGUOUS = Pattern.compile("[1-9][0-9]{0,2},[0-9]{3}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)");

    private SheetDecimal() {
    }

    /**
     * The value of {@code text} ("" is null), without a trailing '%' when {@code percent}, at scale 4;
     * more decimals than 4 (zeros after them aside) or more than 16 digits before the point are refused.
     *
     * @param field how errors name the value
     */
    static BigDecimal parse(String text, boolean percent, String field) {
        String value = text.trim();
        if (percent && value.endsWith("%")) {
            value = value.substring(0, value.length() - 1).trim();
        }
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_CHARS || !NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": \"" + shown(text) + "\" is not a number such as "
                    + (percent ? "7.5 or 7.5%" : "1.50"));
        }
        if (AMBIGUOUS.matcher(value.replaceFirst("^[+-]", "")).matches()) {
            throw new IllegalArgumentException(field + ": \"" + text.trim() + "\" is ambiguous: write "
                    + value.replace(",", "") + " or " + value.replace(',', '.'));
        }
        BigDecimal exact = new BigDecimal(value.replace(',', '.')).stripTrailingZeros();
        if (exact.scale() > SCALE) {
            throw new IllegalArgumentException(field + ": " + text.trim() + " has more than " + SCALE + " decimals");
        }
        if (exact.precision() - exact.scale() > INTEGER_DIGITS) {
            throw new IllegalArgumentException(field + ": " + text.trim() + " is too large");
        }
        return exact.setScale(SCALE);
    }

    private static String shown(String text) {
        String trimmed = text.trim();
        return trimmed.length() <= MAX_CHARS ? trimmed : trimmed.substring(0, MAX_CHARS) + "...";
    }
}
