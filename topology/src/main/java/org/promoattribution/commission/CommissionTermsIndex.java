package org.promoattribution.commission;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every live commission terms, per program as an immutable {@link ProgramTerms}. Written by the
 * global-store thread as terms change; read by every stream thread without locks, so finding a
 * conversion's terms is a map lookup and a short scan. A change rebuilds only its program's part.
 */
public final class CommissionTermsIndex {
    /** The writer's own view: terms by topic key, and the keys of each program. */
    private final Map<String, Terms> byKey = new HashMap<>();
    private final Map<String, Map<String, Terms>> byProgram = new HashMap<>();
    private volatile Map<String, ProgramTerms> snapshot = Map.of();

    /** Adds or replaces the terms stored under a commission-terms topic key. */
    public synchronized void put(String key, Terms terms) {
        remove(key);
        byKey.put(key, terms);
        byProgram.computeIfAbsent(terms.programId(), p -> new HashMap<>()).put(key, terms);
        rebuild(terms.programId());
    }

    /** Deletes the terms stored under a key (a tombstone). */
    public synchronized void remove(String key) {
        Terms old = byKey.remove(key);
        if (old != null) {
            byProgram.get(old.programId()).remove(key);
            rebuild(old.programId());
        }
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
}
