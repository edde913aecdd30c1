package org.promoattribution.commission;

import java.util.List;
import java.util.Map;

/** A terms' codeRates: promoCodeId → (rate, flat), kept as arrays beside the sorted keys ({@link SortedKeys}). */
public final class CodeRates {
    private final SortedKeys promoCodeIds;
    private final int[] rates;
    private final long[] flatWholes;
    private final short[] flatFractions;

    public CodeRates(Map<String, Rate> byPromoCodeId) {
        promoCodeIds = new SortedKeys(byPromoCodeId.keySet());
        int size = promoCodeIds.size();
        rates = new int[size];
        flatWholes = new long[size];
        flatFractions = new short[size];
        for (int i = 0; i < size; i++) {
            Rate rate = byPromoCodeId.get(promoCodeIds.get(i));
            rates[i] = TenThousandths.ofRate(rate.rate());
            flatWholes[i] = TenThousandths.wholeOf(rate.flat());
            flatFractions[i] = TenThousandths.fractionOf(rate.flat());
        }
    }

    /** The code's (rate, flat), or null when the terms set none for it. */
    public Rate get(String promoCodeId) {
        int i = promoCodeIds.indexOf(promoCodeId);
        return i < 0 ? null
                : new Rate(TenThousandths.rate(rates[i]), TenThousandths.flat(flatWholes[i], flatFractions[i]));
    }

    public List<String> promoCodeIds() {
        return promoCodeIds.asList();
    }

    /** The heap these rates take, keys included (estimated: {@link HeapBytes}). */
    public long bytes() {
        int size = size();
        return HeapBytes.object(4 * HeapBytes.REFERENCE) + promoCodeIds.bytes() + HeapBytes.array(size, Integer.BYTES)
                + HeapBytes.array(size, Long.BYTES) + HeapBytes.array(size, Short.BYTES);
    }

    public int size() {
        return promoCodeIds.size();
    }
}
