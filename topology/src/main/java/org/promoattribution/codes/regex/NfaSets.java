package org.promoattribution.codes.regex;

import static com.google.re2j.Re2jPrograms.ALT;
import static com.google.re2j.Re2jPrograms.EMPTY;
import static com.google.re2j.Re2jPrograms.EMPTY_BEGIN_LINE;
import static com.google.re2j.Re2jPrograms.EMPTY_BEGIN_TEXT;
import static com.google.re2j.Re2jPrograms.EMPTY_END_LINE;
import static com.google.re2j.Re2jPrograms.EMPTY_END_TEXT;
import static com.google.re2j.Re2jPrograms.EMPTY_NO_WORD_BOUNDARY;
import static com.google.re2j.Re2jPrograms.EMPTY_WORD_BOUNDARY;
import static com.google.re2j.Re2jPrograms.MATCH;
import static com.google.re2j.Re2jPrograms.NOP;
import static com.google.re2j.Re2jPrograms.RUNE;

import com.google.re2j.Re2jPrograms.Program;
import java.util.Arrays;

/**
 * Sets of positions in an RE2J program, as RE2's DFA keeps them: the instructions reached from some
 * positions without reading input, keeping the ones that read a code point, the match, and the
 * empty-width assertions that need the next code point (end of text or line, word boundaries),
 * which wait in the set until it is known. A set is an int array: the sorted positions, then one
 * context word ({@link #PENDING} and what precedes the position) when some assertion waits, else 0.
 * Not thread-safe: one per construction or match.
 */
final class NfaSets {
    /** The next code point is not known yet. */
    static final int NEXT_UNKNOWN = -2;
    /** The position is the end of the code. */
    static final int NEXT_END = -1;
    static final int PREV_WORD = 0x40;
    static final int PENDING = 0x80;
    static final int AT_START = EMPTY_BEGIN_TEXT | EMPTY_BEGIN_LINE;
    private static final int NEEDS_NEXT = EMPTY_END_LINE | EMPTY_END_TEXT | EMPTY_WORD_BOUNDARY | EMPTY_NO_WORD_BOUNDARY;

    private final Program program;
    private final int[] seen;
    private int stamp;
    private int[] stack;
    private int[] found;
    /** Instructions visited, for the caller's work bound. */
    long work;

    NfaSets(Program program) {
        this.program = program;
        this.seen = new int[program.size()];
        this.stack = new int[16];
        this.found = new int[16];
    }

    Program program() {
        return program;
    }

    /** The set of a fresh start: the program's start at the beginning of the code. */
    int[] start() {
        return closure(new int[] {program.start()}, AT_START, NEXT_UNKNOWN);
    }

    /**
     * Everything reachable from {@code seeds} without reading, at a position preceded by what
     * {@code context} says and followed by {@code next} (a code point, {@link #NEXT_END} or
     * {@link #NEXT_UNKNOWN}).
     */
    int[] closure(int[] seeds, int context, int next) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int conditions = next == NEXT_UNKNOWN ? 0 : conditions(context, next);
        int depth = 0;
        int size = 0;
        boolean pending = false;
        for (int seed : seeds) {
            stack = push(stack, depth++, seed);
        }
        while (depth > 0) {
            int pc = stack[--depth];
            if (seen[pc] == stamp) {
                continue;
            }
            seen[pc] = stamp;
            work++;
            switch (program.op()[pc]) {
                case NOP -> stack = push(stack, depth++, program.out()[pc]);
                case ALT -> {
                    stack = push(stack, depth++, program.arg()[pc]);
                    stack = push(stack, depth++, program.out()[pc]);
                }
                case EMPTY -> {
                    int needs = program.arg()[pc];
                    if (next == NEXT_UNKNOWN && (needs & NEEDS_NEXT) != 0) {
                        found = push(found, size++, pc);
                        pending = true;
                    } else if ((needs & ~(next == NEXT_UNKNOWN ? context & AT_START : conditions)) == 0) {
                        stack = push(stack, depth++, program.out()[pc]);
                    }
                }
                case RUNE, MATCH -> found = push(found, size++, pc);
                default -> {
                    // FAIL: nothing follows
                }
            }
        }
        int[] set = Arrays.copyOf(found, size + 1);
        Arrays.sort(set, 0, size);
        set[size] = pending ? (context & (AT_START | PREV_WORD)) | PENDING : 0;
        return set;
    }

    /** The empty-width conditions true between what {@code context} says precedes and {@code next}, as RE2J's Utils.emptyOpContext. */
    private static int conditions(int context, int next) {
        int conditions = context & AT_START;
        if (next == NEXT_END) {
            conditions |= EMPTY_END_TEXT | EMPTY_END_LINE;
        } else if (next == '\n') {
            conditions |= EMPTY_END_LINE;
        }
        boolean prevWord = (context & PREV_WORD) != 0;
        return conditions | (prevWord != isWord(next) ? EMPTY_WORD_BOUNDARY : EMPTY_NO_WORD_BOUNDARY);
    }

    /** RE2's word characters for {@code \b}: ASCII only. */
    static boolean isWord(int c) {
        return ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '_';
    }

    /** What precedes the position after reading {@code c}. */
    static int contextAfter(int c) {
        return (c == '\n' ? EMPTY_BEGIN_LINE : 0) | (isWord(c) ? PREV_WORD : 0);
    }

    static int size(int[] set) {
        return set.length - 1;
    }

    static boolean hasPending(int[] set) {
        return (set[set.length - 1] & PENDING) != 0;
    }

    /** The set with its waiting assertions decided, {@code next} being known. */
    int[] resolved(int[] set, int next) {
        return hasPending(set) ? closure(Arrays.copyOf(set, size(set)), set[set.length - 1], next) : set;
    }

    /** Whether the code may end here. */
    boolean acceptsAtEnd(int[] set) {
        int[] resolved = resolved(set, NEXT_END);
        for (int i = 0; i < size(resolved); i++) {
            if (program.op()[resolved[i]] == MATCH) {
                return true;
            }
        }
        return false;
    }

    /** The set after reading {@code c} from {@code resolved} (a set whose assertions are decided for {@code c}). */
    int[] step(int[] resolved, int c) {
        int[] targets = new int[size(resolved)];
        int n = 0;
        for (int i = 0; i < size(resolved); i++) {
            int pc = resolved[i];
            work++;
            if (program.op()[pc] == RUNE && contains(program.ranges()[pc], c)) {
                targets[n++] = program.out()[pc];
            }
        }
        return closure(Arrays.copyOf(targets, n), contextAfter(c), NEXT_UNKNOWN);
    }

    static boolean contains(int[] ranges, int c) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (c > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static int[] push(int[] array, int index, int value) {
        int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }
}
