package org.promoattribution.commission;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.promoattribution.config.TermsTableSettings;
import org.promoattribution.schemas.CommissionRate;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.validation.TermsDefinitions;

/**
 * Measures the heap the terms index takes per terms at every SPEC limit (1,000 codeRates and
 * 1,000 categoryRates, none shared): used heap after System.gc() before and after N terms (first
 * argument, default 200) with keys of L characters (second argument, default 256, the limit), each
 * passed through Avro's encoding first as the pipeline reads it. Run by hand (docs/performance.md): the figure moves with the JVM, so no test asserts it.
 */
public final class TermsHeapMeasure {
    private static final int RATES = TermsDefinitions.MAX_RATES;
    /** Past the default budget the index would log, not hold less. */
    private static final TermsTableSettings UNBOUNDED = new TermsTableSettings(Long.MAX_VALUE);

    private TermsHeapMeasure() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int keyLength = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        put(new CommissionTermsIndex(UNBOUNDED), -1, keyLength); // loads Avro's and the index's classes before measuring
        CommissionTermsIndex index = new CommissionTermsIndex(UNBOUNDED);
        long before = usedHeap();
        for (int t = 0; t < count; t++) {
            put(index, t, keyLength);
        }
        long after = usedHeap();
        System.out.printf("%d terms at every limit, keys of %d characters: %,d bytes of heap, %,d per terms;"
                + " the index's estimate %,d per terms%n", index.size(), keyLength, after - before,
                (after - before) / count, index.memoryBytes() / count);
    }

    private static void put(CommissionTermsIndex index, int t, int keyLength) throws IOException {
        CommissionTerms decoded = CommissionTerms.fromByteBuffer(atTheLimits(t, keyLength).toByteBuffer());
        index.put(decoded.getTermsId(), TermsDefinitions.from(decoded, Duration.ofDays(3650)));
    }

    private static CommissionTerms atTheLimits(int t, int keyLength) {
        Map<String, CommissionRate> codeRates = new HashMap<>();
        Map<String, BigDecimal> categoryRates = new HashMap<>();
        for (int i = 0; i < RATES; i++) {
            codeRates.put(key("c-" + t + "-" + i, keyLength), new CommissionRate(decimal(i % 100 + ".1234"),
                    decimal(i + ".25")));
            categoryRates.put(key("k-" + t + "-" + i, keyLength), decimal(i % 100 + ".5"));
        }
        return CommissionTerms.newBuilder().setTermsId(key("t-" + t, keyLength)).setProgramId("acme")
                .setPartnerId(key("p-" + t, keyLength)).setReferralWindow("P30D").setRate(decimal("5.1234"))
                .setFlat(decimal("0.5")).setCodeRates(codeRates).setCategoryRates(categoryRates).build();
    }

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value).setScale(4);
    }

    private static String key(String prefix, int length) {
        return prefix + "x".repeat(Math.max(0, length - prefix.length()));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
