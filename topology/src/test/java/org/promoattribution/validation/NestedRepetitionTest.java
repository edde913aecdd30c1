package org.promoattribution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.testing.Fixtures;

/** RE2's bound on nested counted repetition, which RE2J lacks: a product of counts above 1,000. */
class NestedRepetitionTest {

    @ParameterizedTest
    @ValueSource(strings = {"BULK0001-[0-9]{4}", "(\\d{4}-){3}\\d{4}", "(a{10}){100}", "a{1000}b{1000}",
            "([)]{2}){500}", "[{]{1000}", "\\p{L}{1000}", "\\x{41}{1000}", "(\\Q{9999}\\E){1000}", "a{,5}",
            "(?i)(ab){500}x{2}", "((a*)*b)+"})
    void acceptsWhatRe2Accepts(String pattern) {
        assertThat(NestedRepetition.exceedsLimit(pattern)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"((A{1000}){1000}){1000}", "(a{10}){101}", "(?:(?:a{50}){50})", "(a{2,}){501}",
            "(x|(a{2,3}){400}){3}", "a{99999999999999999999}"})
    void rejectsNestingsThatMultiplyPastAThousand(String pattern) {
        assertThat(NestedRepetition.exceedsLimit(pattern)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"((A{1000}){1000}){1000}", "(((a{100}){100}){100}){100}"})
    void anExplodingPatternIsAnInvalidPatternNotAnOutOfMemoryError(String pattern) {
        assertThatThrownBy(() -> CodeDefinitions.from(Fixtures.regex("pc-1", pattern, "blog", CreditPolicy.ALWAYS)))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.INVALID_PATTERN))
                .hasMessageContaining("bad repetition operator");
    }
}
