package org.promoattribution.codes.regex;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The automaton means what RE2J's {@link Pattern#matches} means (SPEC rule 4: RE2 syntax, whole
 * match, case-sensitive), on generated patterns and codes over a small alphabet where they collide:
 * ASCII letters and digits, word and non-word characters, a newline, a space, letters with case
 * foldings outside ASCII (Kelvin sign, final sigma, long s) and a character beyond U+FFFF.
 */
class RegexAutomatonPropertyTest {
    private static final List<String> LETTERS = List.of("a", "b", "k", "K", "s", "S", "Z", "1", "_", " ", "\n",
            "\u212a", "\u017f", "\u03c3", "\u03c2", "\u03a3", "\u00e9", "\ud83d\ude00");
    private static final List<String> CLASSES = List.of(".", "[ab]", "[^a]", "[a-z]", "[^\\n]", "\\d", "\\w", "\\s",
            "\\W", "\\p{L}", "\\P{L}", "\\pN", "\\p{Greek}", "[\\p{Lu}1]", "[^\\p{Ll}]", "[[:alpha:]]", "(?i:k)",
            "(?i:s)", "(?i:\u03c3)", "(?i)[a-c]", "\\x{1F600}", "\\Q.\\E");
    private static final List<String> ASSERTIONS = List.of("^", "$", "\\b", "\\B", "\\A", "\\z", "(?m:^)", "(?m:$)");

    @Property(tries = 1_500)
    void theAutomatonAndTheSlowWayAgreeWithRe2j(@ForAll("patterns") String pattern, @ForAll("codes") List<String> codes) {
        RegexAutomaton automaton = compiled(pattern);
        Pattern re2j = Pattern.compile(pattern);
        for (String code : codes) {
            boolean expected = re2j.matches(code);
            assertThat(automaton.dfa().matches(code)).as("%s on %s", pattern, code).isEqualTo(expected);
            assertThat(NfaMatcher.matches(automaton.program(), code)).as("%s on %s (program)", pattern, code)
                    .isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void aUnionFindsEveryMemberThatMatches(@ForAll("patternLists") List<String> patterns,
                                           @ForAll("codes") List<String> codes) {
        List<Dfa> members = new ArrayList<>();
        for (String pattern : patterns) {
            members.add(compiled(pattern).dfa());
        }
        Dfa union = DfaUnion.of(members, DfaBuilder.Limits.forStates(10_000));
        Assume.that(union != null);
        for (String code : codes) {
            List<Integer> expected = new ArrayList<>();
            for (int m = 0; m < patterns.size(); m++) {
                if (Pattern.compile(patterns.get(m)).matches(code)) {
                    expected.add(m);
                }
            }
            assertThat(union.matching(code)).as("%s on %s", patterns, code)
                    .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static RegexAutomaton compiled(String pattern) {
        try {
            return RegexAutomaton.compile(pattern, 10_000);
        } catch (AutomatonTooLarge e) {
            Assume.that(false);
            throw e;
        }
    }

    @Provide
    Arbitrary<String> patterns() {
        return pattern(3);
    }

    @Provide
    Arbitrary<List<String>> patternLists() {
        return pattern(2).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> codes() {
        return Arbitraries.of(LETTERS).list().ofMaxSize(8).map(letters -> String.join("", letters))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<String> pattern(int depth) {
        Arbitrary<String> atom = Arbitraries.oneOf(
                Arbitraries.of(LETTERS).map(RegexAutomatonPropertyTest::literal),
                Arbitraries.of(CLASSES),
                Arbitraries.of(ASSERTIONS));
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> pattern(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, atom),
                Tuple.of(3, inner.list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join("", parts))),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(parts -> "(?:" + String.join("|", parts) + ")")),
                Tuple.of(3, Arbitraries.of("?", "*", "+", "??", "*?", "{2}", "{0,3}", "{1,}", "{2,4}")
                        .flatMap(q -> inner.map(p -> "(?:" + p + ")" + q))),
                Tuple.of(1, inner.map(p -> "(" + p + ")")));
    }

    private static String literal(String letter) {
        return letter.equals("\n") ? "\\n" : letter.equals(" ") ? "\\x20" : Pattern.quote(letter);
    }
}
