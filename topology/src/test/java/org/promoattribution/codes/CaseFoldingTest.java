package org.promoattribution.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.VersionInfo;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC rule 4: EXACT codes compare by simple (one-to-one) Unicode case folding, code point by code point. */
class CaseFoldingTest {

    /**
     * Same classes as ICU's simple default folding (CaseFolding.txt's C and S lines) on every code
     * point both this JDK and ICU know; the representative may differ (Cherokee folds to capitals in
     * CaseFolding.txt, to small letters here), what counts is which code points compare equal.
     */
    @Test
    void foldingGivesTheClassesOfUnicodeSimpleCaseFoldingOnEveryCodePoint() {
        VersionInfo jdkUnicode = VersionInfo.getInstance(13, 0); // Java 17's Character data
        Map<Integer, Integer> oursToIcu = new HashMap<>();
        Map<Integer, Integer> icuToOurs = new HashMap<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (!Character.isDefined(cp) || UCharacter.getAge(cp).compareTo(jdkUnicode) > 0) {
                continue;
            }
            int ours = TypedCodes.caseFold(cp);
            int icu = UCharacter.foldCase(cp, UCharacter.FOLD_CASE_DEFAULT);
            assertThat(oursToIcu.computeIfAbsent(ours, k -> icu)).as("U+%04X", cp).isEqualTo(icu);
            assertThat(icuToOurs.computeIfAbsent(icu, k -> ours)).as("U+%04X", cp).isEqualTo(ours);
        }
    }

    @Test
    void whereSimpleFoldingDiffersFromEqualsIgnoreCase() {
        assertThat(TypedCodes.caseFold("\u0130")).isNotEqualTo(TypedCodes.caseFold("i")); // İ
        assertThat(TypedCodes.caseFold("\u0131")).isNotEqualTo(TypedCodes.caseFold("I")); // ı
        assertThat("\u0130".equalsIgnoreCase("i")).isTrue();
        assertThat("\u0131".equalsIgnoreCase("I")).isTrue();
        assertThat(TypedCodes.caseFold("\u212a")).isEqualTo(TypedCodes.caseFold("k")); // Kelvin sign
        assertThat(TypedCodes.caseFold("\u03c2")).isEqualTo(TypedCodes.caseFold("\u03a3")); // ς Σ
        assertThat(TypedCodes.caseFold("\u00df")).isNotEqualTo(TypedCodes.caseFold("SS")); // no expansion
        assertThat(TypedCodes.caseFold("\u1e9e")).isEqualTo(TypedCodes.caseFold("\u00df")); // ẞ ß
        assertThat(TypedCodes.caseFold("\ud801\udc00")).isEqualTo(TypedCodes.caseFold("\ud801\udc28")); // Deseret
    }

    @Test
    void trimmingTakesWhiteSpaceControlsAndFormatCharactersAtBothEndsOnly() {
        assertThat(TypedCodes.trim("\ufeff\u200b\u00a0\u0085 A\u200bB \u2060\u00ad\t\ud834\udd73"))
                .isEqualTo("A\u200bB"); // U+1D173, a format character beyond U+FFFF
    }
}
