package org.promoattribution.codes.regex;

/**
 * A deterministic automaton for whole matches, over code points. As in RE2, code points that no
 * transition tells apart share a class: one table of intervals (covering U+0000 to U+10FFFF) gives
 * each code point its class, and each state has one target per class, a state or {@link #DEAD}.
 * Each state says which patterns match if the code ends there (one pattern's automaton:
 * {@code {0}}; a union's: its members, in their order). Immutable, so any number of threads may
 * match with it while a new one is built.
 */
public final class Dfa {
    public static final int DEAD = -1;
    private static final int[] NONE = {};

    private final int[] intervalLows;
    private final int[] intervalClasses;
    private final int classes;
    private final int[] next;
    private final int[][] accepts;

    Dfa(Alphabet alphabet, int[] next, int[][] accepts) {
        this.intervalLows = alphabet.lows();
        this.intervalClasses = alphabet.classOfInterval();
        this.classes = alphabet.classes();
        this.next = next;
        this.accepts = accepts;
    }

    public int states() {
        return accepts.length;
    }

    Alphabet alphabet() {
        return new Alphabet(intervalLows, intervalClasses, classes);
    }

    int next(int state, int codeClass) {
        return next[state * classes + codeClass];
    }

    int[] acceptsAtEnd(int state) {
        return accepts[state];
    }

    int classOf(int c) {
        int lo = 0;
        int hi = intervalLows.length - 1;
        while (lo < hi) { // the last interval whose low is at most c; the first low is 0
            int mid = (lo + hi + 1) >>> 1;
            if (intervalLows[mid] <= c) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return intervalClasses[lo];
    }

    /** The patterns that match the whole of {@code code} (indices, in order), empty when none. */
    public int[] matching(String code) {
        int state = 0;
        for (int i = 0; i < code.length(); ) {
            int c = code.codePointAt(i);
            state = next[state * classes + classOf(c)];
            if (state == DEAD) {
                return NONE;
            }
            i += Character.charCount(c);
        }
        return accepts[state];
    }

    public boolean matches(String code) {
        return matching(code).length > 0;
    }

    /** The heap this automaton holds, estimated from its arrays (64-bit JVM, compressed references). */
    public long bytes() {
        long arrays = 4 * 16L + 4L * (intervalLows.length + intervalClasses.length + next.length + accepts.length);
        long acceptSets = 0;
        int[] previous = null;
        for (int[] accept : accepts) {
            if (accept.length > 0 && accept != previous) {
                acceptSets += 16 + 4L * accept.length;
                previous = accept;
            }
        }
        return 40 + arrays + acceptSets;
    }

    static int[] none() {
        return NONE;
    }
}
