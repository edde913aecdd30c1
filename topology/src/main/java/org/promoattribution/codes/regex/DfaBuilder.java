package org.promoattribution.codes.regex;

import static com.google.re2j.Re2jPrograms.EMPTY;
import static com.google.re2j.Re2jPrograms.MAX_RUNE;
import static com.google.re2j.Re2jPrograms.RUNE;

import com.google.re2j.Re2jPrograms.Program;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Subset construction, as RE2's DFA does it, from a pattern's RE2J program to its automaton for
 * whole matches, bounded four ways and stopped at the first bound passed: the states (the distinct
 * sets of program positions reachable from the start, see {@link NfaSets}), their targets (states ×
 * classes of code points: the automaton's memory), the positions the sets hold together (the
 * construction's memory) and the work (instructions visited).
 */
public final class DfaBuilder {
    /** Where an assertion waits for the next code point, word characters and the newline are classes of their own. */
    private static final List<int[]> CONTEXT_RANGES = List.of(new int[] {'\n', '\n'},
            new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'});

    /** The bounds of one construction. */
    public record Limits(int maxStates, long maxTargets, long maxPositions, long maxWork) {
        /**
         * The bounds for {@code maxStates} states: on average at most 64 targets a state (the
         * automaton's memory: 4 bytes each), 400 positions a set (the construction's) and 5,000 steps a state.
         */
        public static Limits forStates(int maxStates) {
            return new Limits(maxStates, 64L * maxStates, 400L * maxStates, 5_000L * maxStates);
        }
    }

    private DfaBuilder() {
    }

    /** The automaton of {@code program}, whose pattern matches as index 0. */
    public static Dfa build(Program program, Limits limits) {
        Alphabet alphabet = alphabet(program);
        int[] representatives = alphabet.representatives();
        NfaSets sets = new NfaSets(program);
        StateTable table = new StateTable(limits.maxStates());
        idOf(table, sets.start(), limits);
        for (int state = 0; state < table.found(); state++) {
            int[] set = table.key(state);
            table.beginState(sets.acceptsAtEnd(set) ? new int[] {0} : Dfa.none());
            boolean pending = NfaSets.hasPending(set);
            int[] newline = sets.resolved(set, '\n');
            int[] word = pending ? sets.resolved(set, 'a') : newline;
            int[] other = pending ? sets.resolved(set, ' ') : newline;
            for (int c : representatives) {
                int[] resolved = c == '\n' ? newline : NfaSets.isWord(c) ? word : other;
                int[] next = sets.step(resolved, c);
                table.target(NfaSets.size(next) == 0 ? Dfa.DEAD : idOf(table, next, limits));
            }
            if (table.targets() > limits.maxTargets()) {
                throw new AutomatonTooLarge("its automaton needs more than " + limits.maxTargets()
                        + " transitions (64 × regex.max.states)");
            }
            if (sets.work > limits.maxWork()) {
                throw new AutomatonTooLarge("building its automaton took more than " + limits.maxWork()
                        + " steps (" + table.found() + " states so far)");
            }
        }
        return table.toDfa(alphabet);
    }

    private static int idOf(StateTable table, int[] set, Limits limits) {
        Integer id = table.idOf(set);
        if (id == null) {
            throw new AutomatonTooLarge("its automaton needs more than " + limits.maxStates()
                    + " states (regex.max.states)");
        }
        if (table.positions() > limits.maxPositions()) {
            throw new AutomatonTooLarge("building its automaton holds more than " + limits.maxPositions()
                    + " program positions (" + table.found() + " states so far)");
        }
        return id;
    }

    /** The classes of the program's ranges, each distinct set once. */
    private static Alphabet alphabet(Program program) {
        Set<List<Integer>> seen = new HashSet<>();
        List<int[]> rangeSets = new ArrayList<>();
        boolean assertions = false;
        for (int pc = 0; pc < program.size(); pc++) {
            if (program.op()[pc] == RUNE
                    && seen.add(java.util.Arrays.stream(program.ranges()[pc]).boxed().toList())) {
                rangeSets.add(program.ranges()[pc]);
            }
            assertions |= program.op()[pc] == EMPTY;
        }
        if (assertions) {
            rangeSets.addAll(CONTEXT_RANGES);
        }
        return Alphabet.refining(rangeSets, MAX_RUNE);
    }
}
