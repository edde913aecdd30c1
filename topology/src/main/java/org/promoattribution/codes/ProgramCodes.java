package org.promoattribution.codes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.promoattribution.codes.regex.DfaBuilder;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;

/**
 * The live definitions of one program, indexed for matching: EXACT codes by case-folded code, REGEX
 * codes in groups matched by their union automaton, those the memory budget keeps without
 * automaton by their program, and ALWAYS codes by partner (rule 3). Immutable: a change makes a new
 * one, so matching never waits for a change nor sees half of one.
 */
final class ProgramCodes {
    static final ProgramCodes EMPTY = new ProgramCodes(Map.of(), List.of(), List.of(), Map.of(), 0, 0);

    private final Map<String, List<CodeDefinition>> exactByFoldedCode;
    private final List<RegexGroup> groups;
    private final List<CodeDefinition> withoutAutomaton; // by promoCodeId
    private final Map<String, List<CodeDefinition>> alwaysByPartner;
    private final int size;
    private final long bytes;

    private ProgramCodes(Map<String, List<CodeDefinition>> exactByFoldedCode, List<RegexGroup> groups,
                         List<CodeDefinition> withoutAutomaton, Map<String, List<CodeDefinition>> alwaysByPartner,
                         int size, long bytes) {
        this.exactByFoldedCode = exactByFoldedCode;
        this.groups = groups;
        this.withoutAutomaton = withoutAutomaton;
        this.alwaysByPartner = alwaysByPartner;
        this.size = size;
        this.bytes = bytes;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The heap of this program's automata and programs kept for matching. */
    long bytes() {
        return bytes;
    }

    ProgramCodes with(CodeDefinition definition, DfaBuilder.Limits limits) {
        Map<String, List<CodeDefinition>> exact = exactByFoldedCode;
        List<RegexGroup> newGroups = groups;
        List<CodeDefinition> slow = withoutAutomaton;
        long newBytes = bytes;
        if (definition.matchType() == MatchType.EXACT) {
            exact = new HashMap<>(exactByFoldedCode);
            exact.put(TypedCodes.caseFold(definition.code()),
                    added(exact.getOrDefault(TypedCodes.caseFold(definition.code()), List.of()), definition));
        } else if (definition.regex().dfa() == null) {
            slow = added(withoutAutomaton, definition);
            newBytes += definition.regex().programBytes();
        } else {
            newGroups = new ArrayList<>(groups);
            RegexGroup last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            RegexGroup grown = last == null || last.isFull() ? null : RegexGroup.of(added(last.members(), definition),
                    limits);
            if (grown != null) {
                newBytes += grown.bytes() - last.bytes();
                newGroups.set(newGroups.size() - 1, grown);
            } else {
                RegexGroup alone = RegexGroup.of(List.of(definition), limits);
                newBytes += alone.bytes();
                newGroups.add(alone);
            }
        }
        return new ProgramCodes(exact, newGroups, slow, alwaysWith(definition), size + 1, newBytes);
    }

    ProgramCodes without(CodeDefinition definition, DfaBuilder.Limits limits) {
        Map<String, List<CodeDefinition>> exact = exactByFoldedCode;
        List<RegexGroup> newGroups = groups;
        List<CodeDefinition> slow = withoutAutomaton;
        long newBytes = bytes;
        if (definition.matchType() == MatchType.EXACT) {
            String folded = TypedCodes.caseFold(definition.code());
            exact = new HashMap<>(exactByFoldedCode);
            List<CodeDefinition> rest = removed(exact.getOrDefault(folded, List.of()), definition);
            if (rest.isEmpty()) {
                exact.remove(folded);
            } else {
                exact.put(folded, rest);
            }
        } else if (withoutAutomaton.contains(definition)) {
            slow = removed(withoutAutomaton, definition);
            newBytes -= definition.regex().programBytes();
        } else {
            newGroups = new ArrayList<>(groups);
            for (int i = 0; i < newGroups.size(); i++) {
                RegexGroup group = newGroups.get(i);
                if (group.members().contains(definition)) {
                    newBytes -= group.bytes();
                    newGroups.remove(i);
                    List<CodeDefinition> rest = removed(group.members(), definition);
                    // a part of a union that fitted fits: its states are the whole's, projected
                    RegexGroup shrunk = rest.isEmpty() ? null : RegexGroup.of(rest, limits);
                    if (shrunk != null) {
                        newBytes += shrunk.bytes();
                        newGroups.add(i, shrunk);
                    } else {
                        for (CodeDefinition member : rest) {
                            RegexGroup alone = RegexGroup.of(List.of(member), limits);
                            newBytes += alone.bytes();
                            newGroups.add(alone);
                        }
                    }
                    break;
                }
            }
        }
        Map<String, List<CodeDefinition>> always = alwaysByPartner;
        if (definition.creditPolicy() == CreditPolicy.ALWAYS) {
            always = new HashMap<>(alwaysByPartner);
            List<CodeDefinition> rest = removed(always.getOrDefault(definition.partnerId(), List.of()), definition);
            if (rest.isEmpty()) {
                always.remove(definition.partnerId());
            } else {
                always.put(definition.partnerId(), rest);
            }
        }
        return new ProgramCodes(exact, newGroups, slow, always, size - 1, newBytes);
    }

    private Map<String, List<CodeDefinition>> alwaysWith(CodeDefinition definition) {
        if (definition.creditPolicy() != CreditPolicy.ALWAYS) {
            return alwaysByPartner;
        }
        Map<String, List<CodeDefinition>> always = new HashMap<>(alwaysByPartner);
        always.put(definition.partnerId(), added(always.getOrDefault(definition.partnerId(), List.of()), definition));
        return always;
    }

    private static List<CodeDefinition> added(List<CodeDefinition> list, CodeDefinition definition) {
        List<CodeDefinition> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(definition);
        copy.sort(RegexGroup.BY_ID);
        return List.copyOf(copy);
    }

    private static List<CodeDefinition> removed(List<CodeDefinition> list, CodeDefinition definition) {
        List<CodeDefinition> copy = new ArrayList<>(list);
        copy.remove(definition);
        return List.copyOf(copy);
    }

    /**
     * The definition a trimmed code matches at {@code t}: an EXACT match wins over a REGEX match;
     * among matches of one kind the smallest promoCodeId wins. Null when none. One pass over the code
     * per group of REGEX definitions, whatever their number within it.
     */
    CodeDefinition match(String code, Instant t) {
        // folding is a pass over the code (up to 1,000 characters): none when no EXACT code can be found
        List<CodeDefinition> exact = exactByFoldedCode.isEmpty() ? null : exactByFoldedCode.get(TypedCodes.caseFold(code));
        if (exact != null) {
            for (CodeDefinition definition : exact) { // sorted by id
                if (definition.isLiveAt(t)) {
                    return definition;
                }
            }
        }
        CodeDefinition best = null;
        for (RegexGroup group : groups) {
            CodeDefinition candidate = group.firstLiveMatch(code, t);
            if (candidate != null && (best == null || RegexGroup.BY_ID.compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        for (CodeDefinition definition : withoutAutomaton) { // sorted by id: the first match is the smallest
            if (best != null && RegexGroup.BY_ID.compare(definition, best) >= 0) {
                break;
            }
            if (definition.isLiveAt(t) && definition.matches(code)) {
                return definition;
            }
        }
        return best;
    }

    boolean partnerHoldsAlwaysCode(String partnerId, Instant t) {
        for (CodeDefinition definition : alwaysByPartner.getOrDefault(partnerId, List.of())) {
            if (definition.isLiveAt(t)) {
                return true;
            }
        }
        return false;
    }
}
