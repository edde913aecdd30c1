package org.promoattribution.codes.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The states of an automaton under construction, each known by its key (the set of positions it
 * stands for), numbered in the order found, with the transitions written so far. Adding a state
 * past {@code maxStates} stops the construction: the automaton is never built out.
 */
final class StateTable {
    private final Map<Key, Integer> ids = new HashMap<>();
    private final List<int[]> keys = new ArrayList<>();
    private final int maxStates;
    private final IntervalList targets = new IntervalList();
    private final List<int[]> accepts = new ArrayList<>();
    private long positions;

    StateTable(int maxStates) {
        this.maxStates = maxStates;
    }

    /** The state of {@code key}, added if new; null when that would pass {@code maxStates}. */
    Integer idOf(int[] key) {
        Integer id = ids.get(new Key(key));
        if (id == null) {
            if (keys.size() == maxStates) {
                return null;
            }
            id = keys.size();
            ids.put(new Key(key), id);
            keys.add(key);
            positions += key.length;
        }
        return id;
    }

    int found() {
        return keys.size();
    }

    int[] key(int state) {
        return keys.get(state);
    }

    /** The positions every key holds together: the construction's memory. */
    long positions() {
        return positions;
    }

    /** Starts the next state's targets, one per class, in order. */
    void beginState(int[] accept) {
        accepts.add(accept);
    }

    void target(int state) {
        targets.add(state);
    }

    int targets() {
        return targets.size();
    }

    Dfa toDfa(Alphabet alphabet) {
        return new Dfa(alphabet, targets.toArray(), accepts.toArray(new int[0][]));
    }

    private record Key(int[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(values, key.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
