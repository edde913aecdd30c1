package org.promoattribution.codes.regex;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of code points an automaton cannot tell apart: sorted interval lows (the first 0) and
 * each interval's class. Found by refining one class by each set of ranges the automaton reads.
 */
record Alphabet(int[] lows, int[] classOfInterval, int classes) {

    /** The coarsest classes that every one of {@code rangeSets} (sorted [lo, hi] pairs) respects. */
    static Alphabet refining(List<int[]> rangeSets, int maxRune) {
        IntervalList boundaries = new IntervalList();
        boundaries.add(0);
        for (int[] ranges : rangeSets) {
            for (int r = 0; r < ranges.length; r += 2) {
                boundaries.add(ranges[r]);
                if (ranges[r + 1] < maxRune) {
                    boundaries.add(ranges[r + 1] + 1);
                }
            }
        }
        int[] lows = boundaries.sortedDistinct();
        int[] classes = new int[lows.length];
        int count = 1;
        for (int[] ranges : rangeSets) {
            Map<Long, Integer> split = new HashMap<>();
            int r = 0;
            for (int i = 0; i < lows.length; i++) {
                while (r < ranges.length && ranges[r + 1] < lows[i]) {
                    r += 2;
                }
                boolean inside = r < ranges.length && ranges[r] <= lows[i];
                long key = ((long) classes[i] << 1) | (inside ? 1 : 0);
                classes[i] = split.computeIfAbsent(key, k -> split.size());
            }
            count = split.size();
        }
        return new Alphabet(lows, classes, count);
    }

    /** The coarsest classes finer than each of {@code alphabets}, and which class of each they map to. */
    static Alphabet product(List<Alphabet> alphabets, int[][] memberClass) {
        IntervalList boundaries = new IntervalList();
        for (Alphabet alphabet : alphabets) {
            for (int low : alphabet.lows) {
                boundaries.add(low);
            }
        }
        int[] lows = boundaries.sortedDistinct();
        int[] classes = new int[lows.length];
        int[] position = new int[alphabets.size()];
        Map<Signature, Integer> ids = new HashMap<>();
        IntervalList representatives = new IntervalList();
        for (int i = 0; i < lows.length; i++) {
            int[] signature = new int[alphabets.size()];
            for (int m = 0; m < alphabets.size(); m++) {
                Alphabet alphabet = alphabets.get(m);
                while (position[m] + 1 < alphabet.lows.length && alphabet.lows[position[m] + 1] <= lows[i]) {
                    position[m]++;
                }
                signature[m] = alphabet.classOfInterval[position[m]];
            }
            Integer id = ids.get(new Signature(signature));
            if (id == null) {
                id = ids.size();
                ids.put(new Signature(signature), id);
                representatives.add(i);
            }
            classes[i] = id;
        }
        for (Map.Entry<Signature, Integer> entry : ids.entrySet()) {
            for (int m = 0; m < alphabets.size(); m++) {
                memberClass[m] = memberClass[m] == null || memberClass[m].length < ids.size()
                        ? Arrays.copyOf(memberClass[m] == null ? new int[0] : memberClass[m], ids.size()) : memberClass[m];
                memberClass[m][entry.getValue()] = entry.getKey().values()[m];
            }
        }
        return new Alphabet(lows, classes, ids.size());
    }

    /** The smallest code point of each class. */
    int[] representatives() {
        int[] first = new int[classes];
        Arrays.fill(first, -1);
        for (int i = 0; i < lows.length; i++) {
            if (first[classOfInterval[i]] < 0) {
                first[classOfInterval[i]] = lows[i];
            }
        }
        return first;
    }

    private record Signature(int[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Signature signature && Arrays.equals(values, signature.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
