package org.promoattribution.codes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How codes typed at checkout are normalised before matching (SPEC rule 4). */
public final class TypedCodes {
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
     * Strips control characters and Unicode white space (including no-break spaces) at both
     * ends: shoppers paste codes from e-mails and web pages.
     */
    public static String trim(String code) {
        int start = 0;
        int end = code.length();
        while (start < end && isBlank(code.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(code.charAt(end - 1))) {
            end--;
        }
        return code.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The key under which EXACT codes compare equal, the way {@link String#equalsIgnoreCase} does. */
    public static String caseFold(String code) {
        StringBuilder folded = new StringBuilder(code.length());
        code.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

}
