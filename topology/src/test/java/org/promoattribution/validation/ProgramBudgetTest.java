package org.promoattribution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.testing.Fixtures;

/** SPEC "Limits": a REGEX whose compiled program exceeds RE2's default memory budget is INVALID_PATTERN. */
class ProgramBudgetTest {
    /** 698 literals repeated 1,000 times, then {@code b{n}}: a program of 698,002 + n instructions, in 714 characters. */
    private static String patternOfInstructions(int instructions) {
        return "(?:" + "a".repeat(698) + "){1000}b{" + (instructions - 698_002) + "}";
    }

    @Test
    void theBudgetIsRe2sRuleForItsDefaultMaxMem() {
        // (8 MiB * 2/3 - sizeof(Prog)) / sizeof(Prog::Inst), as RE2's Compiler::Setup computes it
        assertThat(ProgramBudget.MAX_INSTRUCTIONS).isEqualTo((5_592_405 - 432) / 8).isEqualTo(698_996);
    }

    @ParameterizedTest
    @ValueSource(ints = {698_995, 698_996})
    void aProgramWithinTheBudgetIsAccepted(int instructions) {
        CodeDefinition definition = CodeDefinitions.from(
                Fixtures.regex("pc-1", patternOfInstructions(instructions), "blog", CreditPolicy.ALWAYS));

        assertThat(definition.pattern().programSize()).isEqualTo(instructions);
    }

    @ParameterizedTest
    @ValueSource(ints = {698_997, 698_998, 990_002})
    void aProgramOverTheBudgetIsAnInvalidPatternNamingIt(int instructions) {
        String pattern = instructions == 990_002 ? "(?:" + "abcdefghij".repeat(99) + "){1000}"
                : patternOfInstructions(instructions);
        assertThat(Pattern.compile(pattern).programSize()).isEqualTo(instructions);
        assertThat(pattern.length()).isLessThanOrEqualTo(RecordLimits.MAX_CODE_LENGTH);

        assertThatThrownBy(() -> CodeDefinitions.from(Fixtures.regex("pc-1", pattern, "blog", CreditPolicy.ALWAYS)))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.INVALID_PATTERN))
                .hasMessageContaining("has " + instructions + " instructions")
                .hasMessageContaining("RE2's default memory budget (8 MiB) allows at most 698996");
    }
}
