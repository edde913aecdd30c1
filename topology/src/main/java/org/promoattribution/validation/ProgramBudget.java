package org.promoattribution.validation;

import com.google.re2j.Pattern;

/**
 * RE2's default memory budget for a compiled pattern, applied to RE2J's compiled program (SPEC
 * "Limits"). RE2's rule: {@code RE2::Options::kDefaultMaxMem} is 8 MiB (re2.h); two thirds of it go
 * to the forward program ({@code CompileToProg(max_mem()*2/3)}, re2.cc), whose compiler allows
 * {@code (max_mem - sizeof(Prog)) / sizeof(Prog::Inst)} instructions ({@code Compiler::Setup},
 * compile.cc) and fails past them with "pattern too large - compile failed". On 64-bit builds an
 * instruction is 8 bytes and {@code Prog} 432, hence {@link #MAX_INSTRUCTIONS}.
 *
 * <p>RE2J compiles the same syntax to the same kind of program (a fail instruction, then the
 * pattern's, then a match instruction), counted by its public {@link Pattern#programSize()}: no
 * reflection, no estimate. The two counts agree on ASCII literals, repetitions and groups; RE2J's
 * is lower for classes, {@code .} and non-ASCII text (RE2 spells them as UTF-8 byte ranges, RE2J
 * as one rune instruction) and higher where RE2's simplifier merges adjacent repetitions
 * ({@code a*a*} into {@code a*}), which RE2J keeps.
 */
final class ProgramBudget {
    static final long RE2_DEFAULT_MAX_MEM = 8L << 20;
    private static final long RE2_PROG_BYTES = 432;
    private static final long RE2_INST_BYTES = 8;
    static final int MAX_INSTRUCTIONS = (int) ((RE2_DEFAULT_MAX_MEM * 2 / 3 - RE2_PROG_BYTES) / RE2_INST_BYTES);

    private ProgramBudget() {
    }

    static boolean exceeds(Pattern pattern) {
        return pattern.programSize() > MAX_INSTRUCTIONS;
    }

    static String describe(Pattern pattern) {
        return "pattern too large - compile failed: its program has " + pattern.programSize()
                + " instructions; RE2's default memory budget (8 MiB) allows at most " + MAX_INSTRUCTIONS;
    }
}
