package org.promoattribution.codes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How codes typed at checkout are normalised before matching (SPEC rule 4). */
public final class TypedCodes {
    private static final int DOTTED_CAPITAL_I = 0x130;
    private static final int DOTLESS_SMALL_I = 0x131;

    private TypedCodes() {
    }

    /** Trimmed codes, empty ones and repeats (same trimmed string) dropped, order kept. */
    public static List<String> distinctTrimmed(List<String> typed) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : typed) {
            if (code != null) {
                String trimmed = trim(code);
                if (!trimmed.isEmpty()) {
                    codes.add(trimmed);
                }
            }
        }
        return new ArrayList<>(codes);
    }

    /**
     * SPEC rule 4's trimming: strips, at both ends, Unicode White_Space (no-break spaces included),
     * controls (Cc) and format characters (Cf: zero-width space, BOM, soft hyphen, ...), one code
     * point at a time: shoppers paste codes from e-mails and web pages.
     */
    public static String trim(String code) {
        int start = 0;
        int end = code.length();
        while (start < end && isTrimmed(code.codePointAt(start))) {
            start += Character.charCount(code.codePointAt(start));
        }
        while (end > start && isTrimmed(code.codePointBefore(end))) {
            end -= Character.charCount(code.codePointBefore(end));
        }
        return code.substring(start, end);
    }

    /** White_Space is exactly the controls U+0009-U+000D and U+0085 (Cc) and the separators Zs, Zl, Zp. */
    private static boolean isTrimmed(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /**
     * The key under which EXACT codes compare equal (SPEC rule 4): simple (one-to-one) Unicode case
     * folding, code point by code point, no normalisation. Upper-casing then lower-casing one code
     * point gives the same classes as CaseFolding.txt's C and S mappings (checked on every code point
     * in CaseFoldingTest) except for the dotted capital I and the dotless small i, which have only
     * Turkic (T) and full (F) foldings and so fold to themselves: {@code İ}, {@code ı} and {@code i}
     * are three different letters, where {@link String#equalsIgnoreCase} makes them one.
     */
    public static String caseFold(String code) {
        StringBuilder folded = new StringBuilder(code.length());
        code.codePoints().forEach(cp -> folded.appendCodePoint(caseFold(cp)));
        return folded.toString();
    }

    static int caseFold(int codePoint) {
        if (codePoint == DOTTED_CAPITAL_I || codePoint == DOTLESS_SMALL_I) {
            return codePoint;
        }
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }
}
