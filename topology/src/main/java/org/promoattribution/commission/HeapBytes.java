package org.promoattribution.commission;

/**
 * Heap estimates of the terms' parts, as {@code Dfa.bytes()} makes them: a 64-bit JVM with
 * compressed references (12-byte object headers, 16-byte array headers, 4-byte references, sizes
 * rounded up to 8) and compact strings (a byte a character when every one fits Latin-1).
 * {@code TermsHeapMeasure} checks them against the heap used (docs/performance.md).
 */
final class HeapBytes {
    static final int REFERENCE = 4;

    private HeapBytes() {
    }

    static long object(int fieldBytes) {
        return align(12L + fieldBytes);
    }

    static long array(int length, int elementBytes) {
        return align(16L + (long) length * elementBytes);
    }

    /** A String and its array; 0 for null. */
    static long string(String s) {
        return s == null ? 0 : object(10) + array(s.length(), latin1(s) ? 1 : 2);
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
