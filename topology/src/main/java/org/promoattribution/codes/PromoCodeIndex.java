package org.promoattribution.codes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.promoattribution.codes.regex.DfaBuilder;
import org.promoattribution.config.CodeTableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every live promo-code definition, indexed for matching, one immutable {@link ProgramCodes} per
 * program. Written by the global-store thread as definitions change (a change builds the program's
 * new snapshot, automata included, then publishes it); read by every stream thread without a lock.
 *
 * <p>The automata's heap has a budget ({@code codes.memory.bytes}): a REGEX definition whose
 * automaton would pass it is kept as its program and matched by {@link
 * org.promoattribution.codes.regex.NfaMatcher}, in time linear in the code but slower, with the same
 * answers; the index then reports itself over budget ({@link #overBudget()}).
 */
public final class PromoCodeIndex {
    private static final Logger log = LoggerFactory.getLogger(PromoCodeIndex.class);

    private final Map<String, CodeDefinition> byKey = new ConcurrentHashMap<>();
    private final Map<String, ProgramCodes> byProgram = new ConcurrentHashMap<>();
    private final DfaBuilder.Limits unionLimits;
    private final long memoryBudget;
    private volatile long memoryBytes;
    private volatile int withoutAutomaton;

    public PromoCodeIndex() {
        this(CodeTableSettings.DEFAULTS);
    }

    public PromoCodeIndex(CodeTableSettings settings) {
        // a group's union may take twice a definition's states: patterns at the limit that read alike share them
        this.unionLimits = DfaBuilder.Limits.forStates(2 * settings.regexMaxStates());
        this.memoryBudget = settings.memoryBytes();
    }

    /** Adds or replaces the definition stored under a promo-codes topic key. */
    public synchronized void put(String key, CodeDefinition definition) {
        removeLocked(key);
        CodeDefinition kept = definition;
        if (definition.regex() != null) {
            long automaton = definition.regex().dfa().bytes();
            if (memoryBytes + automaton <= memoryBudget) {
                kept = definition.withRegex(definition.regex().withoutProgram());
            } else {
                kept = definition.withRegex(definition.regex().withoutDfa());
                withoutAutomaton++;
                if (withoutAutomaton == 1 || withoutAutomaton % 100 == 0) {
                    log.error("promo-code table over its memory budget (codes.memory.bytes = {}, {} bytes held):"
                                    + " REGEX definition {} of program {} and {} other(s) match by their program, more"
                                    + " slowly; raise codes.memory.bytes or the heap", memoryBudget, memoryBytes,
                            definition.promoCodeId(), definition.programId(), withoutAutomaton - 1);
                }
            }
        }
        byKey.put(key, kept);
        publish(kept.programId(), byProgram.getOrDefault(kept.programId(), ProgramCodes.EMPTY).with(kept, unionLimits));
    }

    /** Deletes the definition stored under a key (a tombstone). */
    public synchronized void remove(String key) {
        removeLocked(key);
    }

    private void removeLocked(String key) {
        CodeDefinition old = byKey.remove(key);
        if (old != null) {
            if (old.regex() != null && old.regex().dfa() == null) {
                withoutAutomaton--;
            }
            publish(old.programId(), byProgram.get(old.programId()).without(old, unionLimits));
        }
    }

    private void publish(String programId, ProgramCodes codes) {
        ProgramCodes old = codes.isEmpty() ? byProgram.remove(programId) : byProgram.put(programId, codes);
        memoryBytes += (codes.isEmpty() ? 0 : codes.bytes()) - (old == null ? 0 : old.bytes());
    }

    /** The live definition stored under a promo-codes key, if any. */
    public Optional<CodeDefinition> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public int size() {
        return byKey.size();
    }

    /** The heap the definitions' automata and programs take, estimated from their arrays. */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** REGEX definitions kept without automaton, past the memory budget. */
    public int definitionsWithoutAutomaton() {
        return withoutAutomaton;
    }

    /** Why the code table is degraded, or empty when it is within its budget. */
    public Optional<String> overBudget() {
        int slow = withoutAutomaton;
        if (slow == 0 && memoryBytes <= memoryBudget) {
            return Optional.empty();
        }
        return Optional.of("promo-code table over codes.memory.bytes (" + memoryBytes + " of " + memoryBudget
                + " bytes): " + slow + " REGEX definition(s) match by their program, more slowly");
    }

    /** SPEC rule 4: matches the codes typed on a conversion of {@code programId} at {@code t}. */
    public MatchResult match(String programId, List<String> typedCodes, Instant t) {
        List<String> codes = TypedCodes.distinctTrimmed(typedCodes);
        if (codes.isEmpty()) {
            return new MatchResult(List.of(), List.of());
        }
        List<CodeMatch> matched = new ArrayList<>(codes.size());
        List<String> unmatched = new ArrayList<>();
        ProgramCodes program = byProgram.getOrDefault(programId, ProgramCodes.EMPTY); // one snapshot for the order
        for (String code : codes) {
            CodeDefinition definition = program.match(code, t);
            if (definition == null) {
                unmatched.add(code);
            } else {
                matched.add(new CodeMatch(code, definition));
            }
        }
        return new MatchResult(matched, unmatched);
    }

    /** SPEC rule 3: whether the partner holds an ALWAYS code of the program live at {@code t}. */
    public boolean partnerHoldsAlwaysCode(String programId, String partnerId, Instant t) {
        return byProgram.getOrDefault(programId, ProgramCodes.EMPTY).partnerHoldsAlwaysCode(partnerId, t);
    }
}
