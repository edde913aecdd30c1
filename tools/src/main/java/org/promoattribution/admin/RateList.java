package org.promoattribution.admin;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.promoattribution.schemas.CommissionRate;

/**
 * The code rates and category rates of a terms sheet as one cell each: entries separated by ';'
 * (or line breaks), each {@code key=value}. A code rate's value is a rate, a flat, or both:
 * {@code pc-1=5%+1.00; pc-2=3; pc-3=+2.50}; a category rate's value is a rate:
 * {@code shoes=10; bags=7.5%}. Keys are trimmed; each may appear once. {@code terms list} writes
 * the same syntax, so a listed cell can be imported again.
 */
final class RateList {
    private RateList() {
    }

    static Map<String, CommissionRate> codeRates(String cell, String field) {
        return entries(cell, field, (key, value) -> {
            int plus = value.indexOf('+', 1); // a leading '+' is a flat alone
            String rate = value.startsWith("+") ? "" : plus < 0 ? value : value.substring(0, plus);
            String flat = value.startsWith("+") ? value.substring(1) : plus < 0 ? "" : value.substring(plus + 1);
            return CommissionRate.newBuilder()
                    .setRate(SheetDecimal.parse(rate, true, field + " of " + key))
                    .setFlat(SheetDecimal.parse(flat, false, field + " of " + key + " (flat)"))
                    .build();
        });
    }

    static Map<String, BigDecimal> categoryRates(String cell, String field) {
        return entries(cell, field, (key, value) -> {
            BigDecimal rate = SheetDecimal.parse(value, true, field + " of " + key);
            if (rate == null) {
                throw new IllegalArgumentException(field + ": " + key + " has no rate (write " + key + "=10)");
            }
            return rate;
        });
    }

    static String format(Map<String, CommissionRate> codeRates) {
        return join(codeRates, rate -> {
            String percent = rate.getRate() == null || rate.getRate().signum() == 0 ? "" : plain(rate.getRate()) + "%";
            String flat = rate.getFlat() == null || rate.getFlat().signum() == 0 ? "" : "+" + plain(rate.getFlat());
            return percent.isEmpty() && flat.isEmpty() ? "0%" : percent + flat;
        });
    }

    static String formatCategories(Map<String, BigDecimal> categoryRates) {
        return join(categoryRates, rate -> plain(rate) + "%");
    }

    /** A decimal without trailing zeros: 5.0000 is "5". */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static <V> Map<String, V> entries(String cell, String field, BiFunction<String, String, V> value) {
        if (cell.isBlank()) {
            return null;
        }
        Map<String, V> entries = new LinkedHashMap<>();
        for (String entry : cell.split("[;\\r\\n]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(field + ": \"" + entry.trim() + "\" is not key=rate "
                        + "(entries are separated by ';', e.g. pc-1=5%+1.00; pc-2=3)");
            }
            String key = entry.substring(0, equals).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(field + ": \"" + entry.trim() + "\" has no key before '='");
            }
            if (entries.put(key, value.apply(key, entry.substring(equals + 1).trim())) != null) {
                throw new IllegalArgumentException(field + ": " + key + " is given twice");
            }
        }
        return entries.isEmpty() ? null : entries;
    }

    private static <V> String join(Map<String, V> entries, Function<V, String> value) {
        if (entries == null) {
            return "";
        }
        StringJoiner joined = new StringJoiner("; ");
        new TreeMap<>(entries).forEach((key, v) -> joined.add(key + "=" + value.apply(v)));
        return joined.toString();
    }
}
