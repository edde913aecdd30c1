package org.promoattribution.codes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every live promo-code definition, indexed for matching: per program, EXACT codes in a
 * hash map by case-folded code, REGEX codes (compiled once) in a trie by literal prefix,
 * and ALWAYS codes by partner for the untracked-click rule. Written by the global-store
 * thread as definitions change, read by every stream thread.
 */
public final class PromoCodeIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, CodeDefinition> byKey = new HashMap<>();
    private final Map<String, ProgramCodes> byProgram = new HashMap<>();

    /** Adds or replaces the definition stored under a promo-codes topic key. */
    public void put(String key, CodeDefinition definition) {
        lock.writeLock().lock();
        try {
            removeLocked(key);
            byKey.put(key, definition);
            byProgram.computeIfAbsent(definition.programId(), p -> new ProgramCodes()).add(definition);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes the definition stored under a key (a tombstone). */
    public void remove(String key) {
        lock.writeLock().lock();
        try {
            removeLocked(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeLocked(String key) {
        CodeDefinition old = byKey.remove(key);
        if (old != null) {
            ProgramCodes program = byProgram.get(old.programId());
            program.remove(old);
            if (program.isEmpty()) {
                byProgram.remove(old.programId());
            }
        }
    }

    /** The live definition stored under a promo-codes key, if any. */
    public Optional<CodeDefinition> get(String key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byKey.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return byKey.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** SPEC rule 4: matches the codes typed on a conversion of {@code programId} at {@code t}. */
    public MatchResult match(String programId, List<String> typedCodes, Instant t) {
        List<String> codes = TypedCodes.distinctTrimmed(typedCodes);
        if (codes.isEmpty()) {
            return new MatchResult(List.of(), List.of());
        }
        List<CodeMatch> matched = new ArrayList<>(codes.size());
        List<String> unmatched = new ArrayList<>();
        lock.readLock().lock();
        try {
            ProgramCodes program = byProgram.get(programId);
            for (String code : codes) {
                CodeDefinition definition = program == null ? null : program.match(code, t);
                if (definition == null) {
                    unmatched.add(code);
                } else {
                    matched.add(new CodeMatch(code, definition));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return new MatchResult(matched, unmatched);
    }

    /** SPEC rule 3: whether the partner holds an ALWAYS code of the program live at {@code t}. */
    public boolean partnerHoldsAlwaysCode(String programId, String partnerId, Instant t) {
        lock.readLock().lock();
        try {
            ProgramCodes program = byProgram.get(programId);
            return program != null && program.partnerHoldsAlwaysCode(partnerId, t);
        } finally {
            lock.readLock().unlock();
        }
    }
}
