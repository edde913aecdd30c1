package org.promoattribution.codes;

/**
 * The literal text an RE2 pattern's every match must start with, found conservatively:
 * an empty prefix is always correct, it only means "try this pattern on every code".
 * Indexing patterns by it spares a conversion from running every pattern of a program.
 */
final class LiteralPrefix {
    private static final String META = "\\.[]{}()*+?^$|";
    private static final String OPTIONAL_QUANTIFIERS = "*?{";

    private LiteralPrefix() {
    }

    static String of(String pattern) {
        if (pattern.indexOf('|') >= 0) {
            return ""; // an alternation anywhere may offer a branch with another start
        }
        int end = 0;
        while (end < pattern.length() && META.indexOf(pattern.charAt(end)) < 0) {
            end++;
        }
        if (end < pattern.length() && OPTIONAL_QUANTIFIERS.indexOf(pattern.charAt(end)) >= 0 && end > 0) {
            end--; // "AB*" or "AB?": the last literal may be absent
            if (end > 0 && Character.isHighSurrogate(pattern.charAt(end - 1))) {
                end--; // the quantifier applies to the whole code point
            }
        }
        return pattern.substring(0, end);
    }
}
