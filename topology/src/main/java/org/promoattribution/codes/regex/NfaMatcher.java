package org.promoattribution.codes.regex;

import com.google.re2j.Re2jPrograms.Program;

/**
 * Whole match by walking a program's position sets along the code without keeping them: time linear
 * in the code's length (each step visits at most every instruction once), memory one set. The slow
 * way, for patterns whose automaton the code table's memory budget cannot hold; the same answers.
 */
public final class NfaMatcher {
    private NfaMatcher() {
    }

    public static boolean matches(Program program, String code) {
        NfaSets sets = new NfaSets(program);
        int[] set = sets.start();
        for (int i = 0; i < code.length(); ) {
            int c = code.codePointAt(i);
            set = sets.step(sets.resolved(set, c), c);
            if (NfaSets.size(set) == 0) {
                return false;
            }
            i += Character.charCount(c);
        }
        return sets.acceptsAtEnd(set);
    }
}
