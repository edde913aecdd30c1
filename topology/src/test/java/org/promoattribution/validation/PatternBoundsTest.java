package org.promoattribution.validation;

import org.promoattribution.deadletter.DeadLetterReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.testing.Fixtures;

/**
 * SPEC "Limits", matching is linear and bounded: a pattern is INVALID_PATTERN when it is not RE2
 * (RE2's nested repetition rule included, which RE2J lacks), when its program passes ten
 * instructions a state, or when its automaton passes {@code regex.max.states}; each is found
 * without building the blow-up.
 */
class PatternBoundsTest {

    private static CodeDefinition define(String pattern) {
        return CodeDefinitions.from(Fixtures.regex("pc-1", pattern, "blog", CreditPolicy.ALWAYS));
    }

    private static void assertInvalid(String pattern, String message) {
        assertThatThrownBy(() -> define(pattern))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.INVALID_PATTERN))
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BULK0001-[0-9]{4}", "(\\d{4}-){3}\\d{4}", "(a{10}){100}", "a{1000}b{1000}",
            "([)]{2}){500}", "[{]{1000}", "\\p{L}{1000}", "\\x{41}{1000}", "(?i)(ab){500}x{2}", "((a*)*b)+",
            "(?:.*){1000}!", "(?:.?){1000}Z"})
    void acceptsWhatRe2AcceptsWithinTheBounds(String pattern) {
        assertThat(define(pattern).regex().dfa().states()).isPositive().isLessThanOrEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"((A{1000}){1000}){1000}", "(a{10}){101}", "(?:(?:a{50}){50})", "(a{2,}){501}",
            "(x|(a{2,3}){400}){3}", "(((a{100}){100}){100}){100}"})
    void rejectsNestingsThatMultiplyPastAThousandAsRe2Does(String pattern) {
        assertInvalid(pattern, "bad repetition operator");
    }

    @Test
    void theSevenDefinitionsOfIssue22AreRejectedBeforeTheirProgramIsBuilt() {
        // 698,000 instructions: RE2J alone keeps 60-70 MB for one; ten instructions a state allow 100,000
        assertInvalid("(?:" + "a?".repeat(349) + "){1000}!1", "its program needs more than 100000 instructions");
    }

    @Test
    void anAutomatonPastRegexMaxStatesIsInvalidWithTheCount() {
        // 11,000 characters of a or b: 11,001 states
        assertInvalid("[ab]{1000}".repeat(11), "more than 10000 states (regex.max.states)");
    }

    @Test
    void regexMaxStatesIsAConfigurableBound() {
        CodeDefinitions strict = new CodeDefinitions(100);
        assertThat(strict.check(Fixtures.regex("pc-1", "a{99}", "blog", CreditPolicy.ALWAYS)).regex().dfa().states())
                .isEqualTo(100);
        assertThatThrownBy(() -> strict.check(Fixtures.regex("pc-1", "a{100}", "blog", CreditPolicy.ALWAYS)))
                .hasMessageContaining("more than 100 states");
    }
}
