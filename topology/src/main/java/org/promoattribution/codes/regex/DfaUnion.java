package org.promoattribution.codes.regex;

import java.util.List;

/**
 * The product of several patterns' automata, as RE2::Set builds one: a state is the live members'
 * states together, and says at the end which members match. One pass over a code finds every
 * matching member, whatever their number. Bounded like a single automaton.
 */
public final class DfaUnion {
    private DfaUnion() {
    }

    /** The union of {@code members} (member i matches as index i), or null past a bound of {@code limits}. */
    public static Dfa of(List<Dfa> members, DfaBuilder.Limits limits) {
        if (members.size() == 1) {
            return members.get(0);
        }
        int[][] memberClass = new int[members.size()][];
        Alphabet alphabet = Alphabet.product(members.stream().map(Dfa::alphabet).toList(), memberClass);
        StateTable table = new StateTable(limits.maxStates());
        int[] start = new int[members.size() * 2];
        for (int m = 0; m < members.size(); m++) {
            start[2 * m] = m;
        }
        table.idOf(start);
        long work = 0;
        IntervalList accept = new IntervalList();
        IntervalList next = new IntervalList();
        for (int state = 0; state < table.found(); state++) {
            int[] pairs = table.key(state);
            accept.clear();
            for (int p = 0; p < pairs.length; p += 2) {
                if (members.get(pairs[p]).acceptsAtEnd(pairs[p + 1]).length > 0) {
                    accept.add(pairs[p]);
                }
            }
            table.beginState(accept.size() == 0 ? Dfa.none() : accept.toArray());
            for (int k = 0; k < alphabet.classes(); k++) {
                next.clear();
                for (int p = 0; p < pairs.length; p += 2) {
                    int target = members.get(pairs[p]).next(pairs[p + 1], memberClass[pairs[p]][k]);
                    if (target != Dfa.DEAD) {
                        next.add(pairs[p]);
                        next.add(target);
                    }
                }
                work += pairs.length;
                if (next.size() == 0) {
                    table.target(Dfa.DEAD);
                } else {
                    Integer id = table.idOf(next.toArray());
                    if (id == null) {
                        return null;
                    }
                    table.target(id);
                }
            }
            if (work > limits.maxWork() || table.targets() > limits.maxTargets()) {
                return null;
            }
        }
        return table.toDfa(alphabet);
    }
}
