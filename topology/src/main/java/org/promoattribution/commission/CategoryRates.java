package org.promoattribution.commission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A terms' categoryRates: a line item's category, exactly as written → rate, kept as an array beside the sorted keys. */
public final class CategoryRates {
    private final SortedKeys categories;
    private final int[] rates;

    public CategoryRates(Map<String, BigDecimal> byCategory) {
        categories = new SortedKeys(byCategory.keySet());
        rates = new int[categories.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = TenThousandths.ofRate(byCategory.get(categories.get(i)));
        }
    }

    /** The category's rate, or null when the terms set none for it (or the item has no category). */
    public BigDecimal get(String category) {
        int i = categories.indexOf(category);
        return i < 0 ? null : TenThousandths.rate(rates[i]);
    }

    public List<String> categories() {
        return categories.asList();
    }

    /** The heap these rates take, keys included (estimated: {@link HeapBytes}). */
    public long bytes() {
        return HeapBytes.object(2 * HeapBytes.REFERENCE) + categories.bytes() + HeapBytes.array(size(), Integer.BYTES);
    }

    public int size() {
        return categories.size();
    }
}
