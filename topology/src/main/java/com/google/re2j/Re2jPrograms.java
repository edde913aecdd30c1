package com.google.re2j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RE2J's own parser, simplifier and compiler, reached from their package. A REGEX definition must
 * mean exactly what RE2 syntax says (SPEC rule 4), and no library on Maven Central builds a
 * deterministic automaton from RE2's syntax (dk.brics and Lucene parse their own dialects), so the
 * automaton is built from the program RE2J compiles for {@link Pattern#matches}: same parse, same
 * instructions, same meaning. RE2J keeps its parse tree and program package-private; this class,
 * the only one in this package, hands them out as plain arrays, after bounding the program's size
 * on the simplified tree: compiling first could take tens of megabytes (issue 22).
 */
public final class Re2jPrograms {
    /** Instruction kinds of {@link Program#op()}. */
    public static final int RUNE = 1;
    public static final int ALT = 2;
    public static final int NOP = 3;
    public static final int EMPTY = 4;
    public static final int MATCH = 5;
    public static final int FAIL = 6;

    /** RE2's limit on nested counted repetition (parse.cc's RepetitionWalker). */
    public static final int MAX_REPEAT_PRODUCT = 1_000;
    public static final int MAX_RUNE = Unicode.MAX_RUNE;

    /** Empty-width flags of an {@link #EMPTY} instruction's arg, as {@code Utils} defines them. */
    public static final int EMPTY_BEGIN_LINE = Utils.EMPTY_BEGIN_LINE;
    public static final int EMPTY_END_LINE = Utils.EMPTY_END_LINE;
    public static final int EMPTY_BEGIN_TEXT = Utils.EMPTY_BEGIN_TEXT;
    public static final int EMPTY_END_TEXT = Utils.EMPTY_END_TEXT;
    public static final int EMPTY_WORD_BOUNDARY = Utils.EMPTY_WORD_BOUNDARY;
    public static final int EMPTY_NO_WORD_BOUNDARY = Utils.EMPTY_NO_WORD_BOUNDARY;

    /**
     * A compiled pattern: instruction {@code pc} is {@code op[pc]}, going on to {@code out[pc]} (and,
     * for ALT, also to {@code arg[pc]}; for EMPTY, {@code arg[pc]} holds its flags); a RUNE
     * instruction matches the code points in {@code ranges[pc]}, sorted disjoint [lo, hi] pairs.
     */
    public record Program(int start, int[] op, int[] out, int[] arg, int[][] ranges) {
        public int size() {
            return op.length;
        }
    }

    /** Thrown when the pattern's program would have more than the allowed instructions. */
    public static final class TooLarge extends RuntimeException {
        private final long instructions;

        TooLarge(long instructions) {
            super(null, null, false, false);
            this.instructions = instructions;
        }

        /** At least this many; counting stops past the bound. */
        public long instructions() {
            return instructions;
        }
    }

    private Re2jPrograms() {
    }

    /**
     * Parses {@code regex} as {@link Pattern#compile(String)} does and compiles it, unless its program
     * would have more than {@code maxInstructions} instructions.
     *
     * @throws PatternSyntaxException as {@link Pattern#compile(String)} would, or for RE2's nested repetition limit
     * @throws TooLarge past {@code maxInstructions}
     */
    public static Program compile(String regex, long maxInstructions) {
        Regexp parsed = Parser.parse(regex, RE2.PERL);
        if (repeatProduct(parsed, 1) > MAX_REPEAT_PRODUCT) {
            throw new PatternSyntaxException("bad repetition operator: nested counted repetitions may multiply to at"
                    + " most " + MAX_REPEAT_PRODUCT, regex);
        }
        Regexp simplified = Simplify.simplify(parsed);
        long size = size(simplified, new IdentityHashMap<>(), maxInstructions + 1) + 2;
        if (size > maxInstructions) {
            throw new TooLarge(size);
        }
        return program(Compiler.compileRegexp(simplified));
    }

    /** The largest product of repetition counts along a nesting ({@code {n,}} counts n), saturated. */
    private static long repeatProduct(Regexp re, long outer) {
        long here = outer;
        if (re.op == Regexp.Op.REPEAT) {
            int count = re.max == -1 ? re.min : re.max;
            if (count > 0) {
                here = Math.min(outer * count, MAX_REPEAT_PRODUCT + 1L);
            }
        }
        long largest = here;
        for (Regexp sub : subs(re)) {
            largest = Math.max(largest, repeatProduct(sub, here));
        }
        return largest;
    }

    /** An upper bound of the instructions {@link Compiler} emits for {@code re}, saturated at {@code cap}. */
    private static long size(Regexp re, Map<Regexp, Long> known, long cap) {
        Long seen = known.get(re); // simplified repetitions share their subexpression
        if (seen != null) {
            return seen;
        }
        long size = switch (re.op) {
            case NO_MATCH -> 0;
            case LITERAL -> Math.max(1, re.runes.length);
            case CAPTURE, STAR, PLUS, QUEST -> 2 + size(re.subs[0], known, cap);
            case CONCAT, ALTERNATE -> {
                long sum = subs(re).length + 1L;
                for (Regexp sub : subs(re)) {
                    sum = Math.min(sum + size(sub, known, cap), cap);
                }
                yield sum;
            }
            case REPEAT -> Math.min(cap, (Math.max(re.min, re.max) + 1L) * (2 + size(re.subs[0], known, cap)));
            default -> 1;
        };
        size = Math.min(size, cap);
        known.put(re, size);
        return size;
    }

    private static Regexp[] subs(Regexp re) {
        return re.subs == null ? new Regexp[0] : re.subs;
    }

    private static Program program(Prog prog) {
        int n = prog.numInst();
        int[] op = new int[n];
        int[] out = new int[n];
        int[] arg = new int[n];
        int[][] ranges = new int[n][];
        for (int pc = 0; pc < n; pc++) {
            Inst inst = prog.getInst(pc);
            out[pc] = inst.out;
            switch (inst.op) {
                case Inst.ALT, Inst.ALT_MATCH -> {
                    op[pc] = ALT;
                    arg[pc] = inst.arg;
                }
                case Inst.CAPTURE, Inst.NOP -> op[pc] = NOP;
                case Inst.EMPTY_WIDTH -> {
                    op[pc] = EMPTY;
                    arg[pc] = inst.arg;
                }
                case Inst.MATCH -> op[pc] = MATCH;
                case Inst.FAIL -> op[pc] = FAIL;
                case Inst.RUNE1 -> {
                    op[pc] = RUNE;
                    ranges[pc] = new int[] {inst.runes[0], inst.runes[0]};
                }
                case Inst.RUNE_ANY -> {
                    op[pc] = RUNE;
                    ranges[pc] = new int[] {0, MAX_RUNE};
                }
                case Inst.RUNE_ANY_NOT_NL -> {
                    op[pc] = RUNE;
                    ranges[pc] = new int[] {0, '\n' - 1, '\n' + 1, MAX_RUNE};
                }
                case Inst.RUNE -> {
                    op[pc] = RUNE;
                    ranges[pc] = runeRanges(inst);
                }
                default -> throw new IllegalStateException("unknown RE2J instruction " + inst);
            }
        }
        return new Program(prog.start, op, out, arg, ranges);
    }

    /** What {@link Inst#matchRune} accepts: one rune (with its case-fold orbit under (?i)), or range pairs. */
    private static int[] runeRanges(Inst inst) {
        if (inst.runes.length == 1) {
            int r0 = inst.runes[0];
            List<Integer> runes = new ArrayList<>(List.of(r0));
            if ((inst.arg & RE2.FOLD_CASE) != 0) {
                for (int r = Unicode.simpleFold(r0); r != r0; r = Unicode.simpleFold(r)) {
                    runes.add(r);
                }
            }
            int[] sorted = runes.stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] pairs = new int[sorted.length * 2];
            for (int i = 0; i < sorted.length; i++) {
                pairs[2 * i] = sorted[i];
                pairs[2 * i + 1] = sorted[i];
            }
            return merged(pairs);
        }
        return merged(Arrays.copyOf(inst.runes, inst.runes.length & ~1));
    }

    /** Sorted, disjoint, non-adjacent pairs. */
    private static int[] merged(int[] pairs) {
        int n = pairs.length / 2;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) pairs[2 * i] << 32) | (pairs[2 * i + 1] & 0xffffffffL);
        }
        Arrays.sort(packed);
        int[] result = new int[pairs.length];
        int size = 0;
        for (long p : packed) {
            int lo = (int) (p >> 32);
            int hi = (int) p;
            if (size > 0 && lo <= result[size - 1] + 1) {
                result[size - 1] = Math.max(result[size - 1], hi);
            } else {
                result[size++] = lo;
                result[size++] = hi;
            }
        }
        return Arrays.copyOf(result, size);
    }
}
