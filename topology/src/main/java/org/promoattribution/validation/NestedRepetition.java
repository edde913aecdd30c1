package org.promoattribution.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RE2's limit on nested counted repetition: along any nesting, the product of the {@code {n,m}}
 * counts may not exceed 1,000 ("bad repetition operator"). RE2J checks each count but not the
 * product, and compiles {@code ((A{1000}){1000}){1000}}, 25 characters, into 10^9 instructions:
 * an OutOfMemoryError in the stream thread, again on every retry.
 */
final class NestedRepetition {
    static final long LIMIT = 1_000;
    private static final Pattern COUNT = Pattern.compile("\\{(\\d+)(?:,(\\d*))?}");

    private NestedRepetition() {
    }

    /** Whether some nesting of counted repetitions in {@code pattern} multiplies to more than {@link #LIMIT}. */
    static boolean exceedsLimit(String pattern) {
        Deque<long[]> groups = new ArrayDeque<>(); // per open group: the largest product inside it
        groups.push(new long[] {1});
        long atom = 1; // what a count right here would repeat
        Matcher count = COUNT.matcher(pattern);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i = skipEscape(pattern, i);
                atom = 1;
                continue;
            }
            if (c == '[') {
                i = skipClass(pattern, i);
                atom = 1;
                continue;
            }
            if (c == '(') {
                groups.push(new long[] {1});
            } else if (c == ')' && groups.size() > 1) {
                atom = groups.pop()[0];
                groups.peek()[0] = Math.max(groups.peek()[0], atom);
            } else if (c == '{' && count.region(i, pattern.length()).lookingAt()) {
                String max = count.group(2) == null || count.group(2).isEmpty() ? count.group(1) : count.group(2);
                long repeats = max.length() > 6 ? LIMIT + 1 : Long.parseLong(max);
                atom = Math.min(atom * repeats, LIMIT + 1); // saturated: past the limit is past it
                groups.peek()[0] = Math.max(groups.peek()[0], atom);
                i = count.end();
                continue;
            } else {
                atom = 1;
            }
            i++;
        }
        return groups.getLast()[0] > LIMIT;
    }

    /** Past {@code \x}, {@code \x{...}}, {@code \p{...}} or {@code \Q...\E}. */
    private static int skipEscape(String pattern, int backslash) {
        int next = backslash + 1;
        if (next >= pattern.length()) {
            return next;
        }
        char kind = pattern.charAt(next);
        if (kind == 'Q') {
            int end = pattern.indexOf("\\E", next);
            return end < 0 ? pattern.length() : end + 2;
        }
        if ("xpP".indexOf(kind) >= 0 && next + 1 < pattern.length() && pattern.charAt(next + 1) == '{') {
            int end = pattern.indexOf('}', next);
            return end < 0 ? pattern.length() : end + 1;
        }
        return next + 1;
    }

    /** Past a character class: {@code []a]}, {@code [^]a]}, {@code [[:alpha:]]} and escapes included. */
    private static int skipClass(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i = skipEscape(pattern, i);
            } else if (pattern.startsWith("[:", i)) {
                int end = pattern.indexOf(":]", i + 2);
                i = end < 0 ? i + 1 : end + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
