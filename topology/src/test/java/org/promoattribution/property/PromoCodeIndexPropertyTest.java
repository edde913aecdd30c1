package org.promoattribution.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.MatchResult;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.codes.TypedCodes;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.validation.InvalidRecordException;

/**
 * The matcher (SPEC rule 4) over random definitions and typed codes. Codes and patterns use a
 * four-letter alphabet so that they collide, overlap and differ only in case: the cases where
 * precedence matters. Some definitions are scheduled around the conversion time.
 */
class PromoCodeIndexPropertyTest {
    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    private static final List<String> PROGRAMS = List.of("acme", "globex");

    @Property(tries = 200)
    void matchingDoesNotDependOnTheOrderDefinitionsArrived(@ForAll("definitions") List<CodeDefinition> definitions,
                                                           @ForAll("typed") List<String> typed,
                                                           @ForAll Random random) {
        List<CodeDefinition> shuffled = new ArrayList<>(definitions);
        Collections.shuffle(shuffled, random);

        for (String program : PROGRAMS) {
            assertThat(index(shuffled).match(program, typed, T)).isEqualTo(index(definitions).match(program, typed, T));
        }
    }

    @Property(tries = 200)
    void eachCodeMatchesTheLiveDefinitionTheSpecPicksExactBeforeRegexThenSmallestId(
            @ForAll("definitions") List<CodeDefinition> definitions, @ForAll("typed") List<String> typed) {
        PromoCodeIndex index = index(definitions);
        for (String program : PROGRAMS) {
            MatchResult result = index.match(program, typed, T);
            for (CodeMatch match : result.matched()) {
                assertThat(match.definition()).as(match.code()).isEqualTo(specsPick(definitions, program, match.code())
                        .orElseThrow());
            }
            for (String code : result.unmatched()) {
                assertThat(specsPick(definitions, program, code)).as("a live definition matching " + code).isEmpty();
            }
        }
    }

    @Property(tries = 200)
    void typedCodesAreTrimmedRepeatsDroppedAndTheirOrderKept(@ForAll("definitions") List<CodeDefinition> definitions,
                                                             @ForAll("typed") List<String> typed) {
        MatchResult result = index(definitions).match("acme", typed, T);
        List<String> codes = TypedCodes.distinctTrimmed(typed);
        List<String> matched = result.matched().stream().map(CodeMatch::code).toList();

        assertThat(codes).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).isNotEmpty().isEqualTo(TypedCodes.trim(c)));
        // Each code lands in one of the two lists, both in the order typed.
        assertThat(matched).isEqualTo(codes.stream().filter(matched::contains).toList());
        assertThat(result.unmatched()).isEqualTo(codes.stream().filter(c -> !matched.contains(c)).toList());
    }

    @Property(tries = 200)
    void paddingAndRepeatingTypedCodesChangesNothing(@ForAll("definitions") List<CodeDefinition> definitions,
                                                     @ForAll("typed") List<String> typed) {
        List<String> sloppy = new ArrayList<>();
        typed.forEach(code -> sloppy.addAll(List.of("\u00a0" + code + " \t", code)));

        PromoCodeIndex index = index(definitions);
        assertThat(index.match("acme", sloppy, T)).isEqualTo(index.match("acme", typed, T));
    }

    @Property(tries = 200)
    void aDeletedDefinitionIsAsIfItNeverCame(@ForAll("definitions") List<CodeDefinition> definitions,
                                             @ForAll("typed") List<String> typed, @ForAll Random random) {
        PromoCodeIndex index = index(definitions);
        List<CodeDefinition> kept = new ArrayList<>();
        for (CodeDefinition definition : definitions) {
            if (random.nextBoolean()) {
                index.remove(definition.promoCodeId());
            } else {
                kept.add(definition);
            }
        }
        for (String program : PROGRAMS) {
            assertThat(index.match(program, typed, T)).isEqualTo(index(kept).match(program, typed, T));
        }
    }

    /** RE2 (SPEC rule 4) is linear-time: no pattern stalls on input crafted against backtracking. */
    @Property(tries = 200)
    void everyPatternIsRejectedOrMatchesInLinearTime(@ForAll("patterns") String pattern) {
        CodeDefinition definition;
        try {
            definition = CodeDefinitions.from(promoCode("pc-1", "acme", pattern, MatchType.REGEX, When.ALWAYS));
        } catch (InvalidRecordException e) {
            return; // too large a repetition: rejected, which is fine too
        }
        PromoCodeIndex index = index(List.of(definition));
        List<String> adversarial = List.of("a".repeat(3_000) + "!", "aA".repeat(1_500) + "B", "1".repeat(3_000));

        long started = System.nanoTime();
        index.match("acme", adversarial, T);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(pattern).isLessThan(Duration.ofSeconds(2));
    }

    /** SPEC rule 4 read literally, over every definition: the oracle the index must agree with. */
    private static Optional<CodeDefinition> specsPick(List<CodeDefinition> definitions, String program, String code) {
        List<CodeDefinition> live = definitions.stream()
                .filter(d -> d.programId().equals(program) && d.isLiveAt(T) && d.matches(code)).toList();
        List<CodeDefinition> exact = live.stream().filter(d -> d.matchType() == MatchType.EXACT).toList();
        return (exact.isEmpty() ? live : exact).stream().min(Comparator.comparing(CodeDefinition::promoCodeId));
    }

    private static PromoCodeIndex index(List<CodeDefinition> definitions) {
        PromoCodeIndex index = new PromoCodeIndex();
        definitions.forEach(d -> index.put(d.promoCodeId(), d));
        return index;
    }

    /** Up to 12 definitions of two programs, EXACT or REGEX, some not live at T, numbered against arrival order. */
    @Provide
    Arbitrary<List<CodeDefinition>> definitions() {
        Arbitrary<String> exactCodes = Arbitraries.strings().withChars("aAb1").ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(Arbitraries.of(PROGRAMS), Arbitraries.of(MatchType.class), exactCodes, patterns(),
                        Arbitraries.of(When.class))
                .as(Spec::new).list().ofMaxSize(12).map(PromoCodeIndexPropertyTest::define);
    }

    private record Spec(String program, MatchType type, String exact, String regex, When when) {
    }

    /** Valid definitions only, as the topology keeps them (a pattern with too large a repetition is not). */
    private static List<CodeDefinition> define(List<Spec> specs) {
        List<CodeDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            String id = String.format(Locale.ROOT, "pc-%02d", specs.size() - i);
            String code = spec.type() == MatchType.EXACT ? spec.exact() : spec.regex();
            try {
                definitions.add(CodeDefinitions.from(promoCode(id, spec.program(), code, spec.type(), spec.when())));
            } catch (InvalidRecordException e) {
                // dead-lettered by the pipeline: never in the index
            }
        }
        return definitions;
    }

    /** Schedules around T: validFrom inclusive, validTo exclusive. */
    private enum When {
        ALWAYS(null, null), LIVE(T.minus(Duration.ofDays(2)), T.plusMillis(1)), EXPIRED(T.minus(Duration.ofDays(2)), T),
        FUTURE(T.plusMillis(1), null);

        final Instant from;
        final Instant to;

        When(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }
    }

    /** What shoppers type: the same letters, sometimes padded with white space, sometimes nothing. */
    @Provide
    Arbitrary<List<String>> typed() {
        Arbitrary<String> code = Arbitraries.strings().withChars("aAb1").ofMaxLength(4);
        Arbitrary<String> padding = Arbitraries.of("", " ", "\t", "\u00a0", "\u2003");
        return Combinators.combine(padding, code, padding).as((l, c, r) -> l + c + r).list().ofMaxSize(4);
    }

    /** Small RE2 patterns over the same letters, with nested groups, alternations and counted repetition. */
    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> atom = Arbitraries.of("a", "A", "b", "1", ".", "[aA]", "[^b]", "\\d");
        return Arbitraries.recursive(() -> atom, inner -> Arbitraries.oneOf(
                Combinators.combine(inner, inner).as(String::concat),
                Combinators.combine(inner, inner).as((x, y) -> "(" + x + "|" + y + ")"),
                Combinators.combine(inner, Arbitraries.of("*", "+", "?", "{2}", "{0,3}", "{1,}", "{20}"))
                        .as((x, q) -> "(" + x + ")" + q)), 0, 4);
    }

    private static PromoCode promoCode(String id, String program, String code, MatchType type, When when) {
        return PromoCode.newBuilder().setPromoCodeId(id).setProgramId(program).setCode(code).setPartnerId("partner")
                .setMatchType(type).setCreditPolicy(CreditPolicy.IF_WINNER).setValidFrom(when.from)
                .setValidTo(when.to).build();
    }
}
