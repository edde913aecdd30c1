package org.promoattribution.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.testing.Fixtures;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.deadletter.DeadLetterReason;
import org.promoattribution.validation.InvalidRecordException;

/**
 * SPEC "Limits", matching is linear and bounded, against a careless or hostile code author:
 * whatever the pattern (nested counted repetitions, large and negated Unicode classes, long
 * alternations of literals, optional chains), a REGEX definition ends INVALID_PATTERN (or
 * PATTERN_TOO_LONG) or compiled within {@code regex.max.states} and the per-definition memory the
 * README states (64 transitions of 4 bytes a state, 8 bytes per interval of its classes).
 */
class HostileDefinitionsPropertyTest {
    private static final int MAX_STATES = 10_000;
    private static final long MAX_BYTES = 64L * 4 * MAX_STATES + 64L * MAX_STATES + 8L * 20_000;
    private static final List<String> CLASSES = List.of(".", "\\p{L}", "\\P{L}", "[\\p{L}\\p{N}]", "[^a]", "\\p{Han}",
            "[\\p{Greek}\\p{Cyrillic}0-9]", "\\w", "\\s", "[^\\p{Lu}\\p{Nd}]", "(?i:[a-z\u00e9\u212a])", "[A-Z0-9]",
            "a", "ab", "\\x{1F600}");

    @Property(tries = 150)
    void everyDefinitionIsInvalidOrCompiledWithinTheBounds(@ForAll("hostile") String pattern) {
        CodeDefinition definition;
        try {
            definition = CodeDefinitions.from(Fixtures.regex("pc-1", pattern, "blog", CreditPolicy.ALWAYS));
        } catch (InvalidRecordException e) {
            assertThat(e.reason()).as(pattern).isIn(DeadLetterReason.INVALID_PATTERN, DeadLetterReason.PATTERN_TOO_LONG);
            return;
        }
        assertThat(definition.regex().dfa().states()).as(pattern).isLessThanOrEqualTo(MAX_STATES);
        assertThat(definition.regex().dfa().bytes()).as(pattern).isLessThanOrEqualTo(MAX_BYTES);
    }

    @Provide
    Arbitrary<String> hostile() {
        return hostile(3);
    }

    private static Arbitrary<String> hostile(int depth) {
        Arbitrary<String> atom = Arbitraries.oneOf(Arbitraries.of(CLASSES),
                Arbitraries.strings().withChars("ABCXYZ019").ofMinLength(1).ofMaxLength(12));
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> hostile(depth - 1));
        Arbitrary<Integer> count = Arbitraries.of(2, 10, 31, 100, 333, 999, 1000);
        return Arbitraries.frequencyOf(
                Tuple.of(2, atom),
                Tuple.of(4, Arbitraries.oneOf(inner.map(p -> "(?:" + p + ")"), inner.map(p -> "(?:" + p + ")?"))
                        .flatMap(p -> count.map(n -> p + "{" + n + "}"))),
                Tuple.of(2, Combinators.combine(inner, count, count).as((p, n, m) -> "(?:" + p + "){" + Math.min(n, m)
                        + "," + Math.max(n, m) + "}")),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(5).map(parts -> String.join("", parts))),
                Tuple.of(2, Arbitraries.strings().withChars("ABCDEFGHIJ0123456789").ofMinLength(1).ofMaxLength(8)
                        .list().ofMinSize(2).ofMaxSize(120).map(words -> "(?:" + String.join("|", words) + ")")),
                Tuple.of(1, inner.map(p -> "(?:" + p + ")*")),
                Tuple.of(1, count.map(n -> "(?:.?){" + n + "}")));
    }
}
