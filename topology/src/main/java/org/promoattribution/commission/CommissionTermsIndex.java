package org.promoattribution.commission;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.promoattribution.config.TermsTableSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every live commission terms, per program as an immutable {@link ProgramTerms}. Written by the
 * global-store thread as terms change; read by every stream thread without locks, so finding a
 * conversion's terms is a map lookup and a short scan. A change rebuilds only its program's part.
 *
 * <p>SPEC "Limits" bounds each terms, not their number, so the heap they take has a budget
 * ({@code terms.memory.bytes}): past it the index reports itself over budget ({@link #overBudget()})
 * and logs an ERROR once, but keeps and applies every terms as before. Dropping one would change
 * the commission of decisions, which SPEC leaves to the terms alone.
 */
public final class CommissionTermsIndex {
    private static final Logger log = LoggerFactory.getLogger(CommissionTermsIndex.class);
    /** Per terms, beside its own heap and its key: two hash-map nodes, their table slots, a slot in its program's list. */
    private static final long ENTRY_BYTES = 2 * HeapBytes.object(4 * HeapBytes.REFERENCE) + 6 * HeapBytes.REFERENCE;

    /** The writer's own view: terms by topic key, and the keys of each program. */
    private final Map<String, Terms> byKey = new HashMap<>();
    private final Map<String, Map<String, Terms>> byProgram = new HashMap<>();
    private volatile Map<String, ProgramTerms> snapshot = Map.of();
    private final long memoryBudget;
    private volatile long memoryBytes;

    public CommissionTermsIndex(TermsTableSettings settings) {
        this.memoryBudget = settings.memoryBytes();
    }

    /** Adds or replaces the terms stored under a commission-terms topic key. */
    public synchronized void put(String key, Terms terms) {
        boolean wasOver = isOver();
        removeLocked(key);
        byKey.put(key, terms);
        byProgram.computeIfAbsent(terms.programId(), p -> new HashMap<>()).put(key, terms);
        memoryBytes += bytes(key, terms);
        rebuild(terms.programId());
        reportBudget(wasOver, terms);
    }

    /** Deletes the terms stored under a key (a tombstone). */
    public synchronized void remove(String key) {
        boolean wasOver = isOver();
        removeLocked(key);
        reportBudget(wasOver, null);
    }

    private void removeLocked(String key) {
        Terms old = byKey.remove(key);
        if (old != null) {
            byProgram.get(old.programId()).remove(key);
            memoryBytes -= bytes(key, old);
            rebuild(old.programId());
        }
    }

    private static long bytes(String key, Terms terms) {
        return HeapBytes.string(key) + ENTRY_BYTES + terms.bytes();
    }

    private void rebuild(String programId) {
        Map<String, Terms> terms = byProgram.get(programId);
        Map<String, ProgramTerms> next = new HashMap<>(snapshot);
        if (terms.isEmpty()) {
            byProgram.remove(programId);
            next.remove(programId);
        } else {
            next.put(programId, ProgramTerms.of(terms.values()));
        }
        snapshot = Map.copyOf(next);
    }

    private boolean isOver() {
        return memoryBytes > memoryBudget;
    }

    /**
     * One line as the index crosses its budget, either way: not one per terms while it stays past
     * it. Only a put crosses it upwards, so {@code added} is there when it does.
     */
    private void reportBudget(boolean wasOver, Terms added) {
        if (!wasOver && isOver()) {
            log.error("commission terms over their memory budget (terms.memory.bytes = {}): {} bytes held by {} terms"
                            + " once terms {} of program {} arrived; every terms still applies; raise"
                            + " terms.memory.bytes and the heap, or delete terms no longer used", memoryBudget,
                    memoryBytes, byKey.size(), added.termsId(), added.programId());
        } else if (wasOver && !isOver()) {
            log.info("commission terms back within terms.memory.bytes ({} of {} bytes)", memoryBytes, memoryBudget);
        }
    }

    /** The program's live terms as of now; {@link ProgramTerms#NONE} when it has none. */
    public ProgramTerms program(String programId) {
        return snapshot.getOrDefault(programId, ProgramTerms.NONE);
    }

    /** The live terms stored under a commission-terms key, if any. */
    public synchronized Optional<Terms> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public synchronized int size() {
        return byKey.size();
    }

    /** The heap the live terms take, estimated from their strings and arrays ({@link Terms#bytes()}). */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** Why the terms index is degraded, or empty when it is within its budget. */
    public Optional<String> overBudget() {
        long held = memoryBytes;
        if (held <= memoryBudget) {
            return Optional.empty();
        }
        return Optional.of("commission terms over terms.memory.bytes (" + held + " of " + memoryBudget + " bytes, "
                + (held - memoryBudget) + " over): every terms still applies; the heap may run out");
    }
}
