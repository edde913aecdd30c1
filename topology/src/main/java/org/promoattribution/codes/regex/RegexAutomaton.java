package org.promoattribution.codes.regex;

import com.google.re2j.PatternSyntaxException;
import com.google.re2j.Re2jPrograms;
import com.google.re2j.Re2jPrograms.Program;

/**
 * A REGEX definition compiled for whole matches: its RE2J program and, unless dropped to save
 * memory ({@link #withoutDfa()}), its deterministic automaton. Both give the same answers.
 */
public record RegexAutomaton(Program program, Dfa dfa) {

    /**
     * Compiles {@code regex} within {@code maxStates} (SPEC "Limits": {@code regex.max.states}); its
     * program may have at most ten instructions a state, so that neither compiling nor the subset
     * construction ever starts on a blow-up.
     *
     * @throws PatternSyntaxException when {@code regex} is not valid RE2
     * @throws AutomatonTooLarge past a bound
     */
    public static RegexAutomaton compile(String regex, int maxStates) {
        long maxInstructions = 10L * maxStates;
        Program program;
        try {
            program = Re2jPrograms.compile(regex, maxInstructions);
        } catch (Re2jPrograms.TooLarge e) {
            throw new AutomatonTooLarge("its program needs more than " + maxInstructions
                    + " instructions (10 × regex.max.states)");
        }
        return new RegexAutomaton(program, DfaBuilder.build(program, DfaBuilder.Limits.forStates(maxStates)));
    }

    /**
     * Every form of one pattern's automaton is equal: it is derived from the pattern, which the
     * definition holding it compares already.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RegexAutomaton;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    public boolean matches(String code) {
        return dfa != null ? dfa.matches(code) : NfaMatcher.matches(program, code);
    }

    public RegexAutomaton withoutDfa() {
        return new RegexAutomaton(program, null);
    }

    public RegexAutomaton withoutProgram() {
        return new RegexAutomaton(null, dfa);
    }

    /** The program's heap, estimated from its arrays. */
    public long programBytes() {
        if (program == null) {
            return 0;
        }
        long bytes = 32 + 4 * (16 + 4L * program.size()) + 4L * program.size();
        for (int[] ranges : program.ranges()) {
            bytes += ranges == null ? 0 : 16 + 4L * ranges.length;
        }
        return bytes;
    }
}
