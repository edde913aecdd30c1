package org.promoattribution.codes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.promoattribution.codes.regex.Dfa;
import org.promoattribution.codes.regex.DfaBuilder;
import org.promoattribution.codes.regex.DfaUnion;

/**
 * Up to {@link #MAX_MEMBERS} REGEX definitions of one program matched together: one pass of their
 * union automaton over a code says which of them match. Groups stay small so that a change
 * rebuilds one group, never the program's every pattern. Immutable.
 */
final class RegexGroup {
    static final int MAX_MEMBERS = 128;
    static final Comparator<CodeDefinition> BY_ID = Comparator.comparing(CodeDefinition::promoCodeId);

    private final List<CodeDefinition> members; // by promoCodeId: the union's accepting sets are in this order
    private final Dfa union;

    private RegexGroup(List<CodeDefinition> members, Dfa union) {
        this.members = members;
        this.union = union;
    }

    /** A group of {@code members}, or null when their union passes {@code limits}. */
    static RegexGroup of(List<CodeDefinition> members, DfaBuilder.Limits limits) {
        List<CodeDefinition> sorted = new ArrayList<>(members);
        sorted.sort(BY_ID);
        Dfa union = DfaUnion.of(sorted.stream().map(d -> d.regex().dfa()).toList(), limits);
        return union == null ? null : new RegexGroup(List.copyOf(sorted), union);
    }

    List<CodeDefinition> members() {
        return members;
    }

    boolean isFull() {
        return members.size() >= MAX_MEMBERS;
    }

    /** The member with the smallest promoCodeId that matches the whole code and is live at {@code t}. */
    CodeDefinition firstLiveMatch(String code, Instant t) {
        for (int member : union.matching(code)) {
            CodeDefinition definition = members.get(member);
            if (definition.isLiveAt(t)) {
                return definition;
            }
        }
        return null;
    }

    /** The heap of the members' automata and, for more than one, of their union. */
    long bytes() {
        long bytes = members.size() == 1 ? 0 : union.bytes();
        for (CodeDefinition member : members) {
            bytes += member.regex().dfa().bytes();
        }
        return bytes;
    }
}
