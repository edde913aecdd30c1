package org.promoattribution.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.CodeTableSettings;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.testing.Fixtures;
import org.promoattribution.validation.CodeDefinitions;

/** SPEC rule 4 (matching codes) and the lookup of rule 3, on the index alone. */
class PromoCodeIndexTest {
    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");
    private final PromoCodeIndex index = new PromoCodeIndex();

    private void add(PromoCode... codes) {
        for (PromoCode code : codes) {
            index.put(code.getPromoCodeId(), CodeDefinitions.from(code));
        }
    }

    private MatchResult match(String... typed) {
        return index.match(Fixtures.PROGRAM, List.of(typed), T);
    }

    private List<String> matchedIds(String... typed) {
        return match(typed).matched().stream().map(m -> m.definition().promoCodeId()).toList();
    }

    @Test
    void exactCodesCompareCaseInsensitively() {
        add(Fixtures.exact("pc-1", "Summer10", "blog", CreditPolicy.IF_WINNER));
        assertThat(matchedIds("SUMMER10")).containsExactly("pc-1");
        assertThat(matchedIds("summer10")).containsExactly("pc-1");
        assertThat(match("summer10").matched().get(0).code()).isEqualTo("summer10"); // kept as typed
    }

    @Test
    void regexCodesMustMatchTheWholeCodeCaseSensitively() {
        add(Fixtures.regex("pc-1", "BLOG[0-9]{2}", "blog", CreditPolicy.IF_WINNER));
        assertThat(matchedIds("BLOG42")).containsExactly("pc-1");
        assertThat(matchedIds("blog42")).isEmpty();
        assertThat(matchedIds("BLOG421")).isEmpty();
        assertThat(matchedIds("XBLOG42")).isEmpty();
    }

    @Test
    void codesAreTrimmed_emptyCodesAndRepeatsSkipped_orderKept() {
        add(Fixtures.exact("pc-1", "A1", "blog", CreditPolicy.ALWAYS),
                Fixtures.exact("pc-2", "B2", "news", CreditPolicy.ALWAYS));
        MatchResult result = match("  B2\t", "", "   ", "nope", "A1", "B2", "nope ", "\u00a0A1\u00a0");
        assertThat(result.matched()).extracting(CodeMatch::code).containsExactly("B2", "A1");
        assertThat(result.unmatched()).containsExactly("nope");
    }

    @Test
    void controlCharactersOfEveryKindAreTrimmedToo() {
        add(Fixtures.exact("pc-1", "\u007fX3\u0085", "blog", CreditPolicy.ALWAYS));
        MatchResult result = match("\u007fX3", "X3\u0085", "\u0000X3\u009f");
        assertThat(result.matched()).extracting(CodeMatch::code).containsExactly("X3");
        assertThat(result.unmatched()).isEmpty();
    }

    @Test
    void sameCodeInAnotherCaseIsAnotherTypedCode() {
        add(Fixtures.exact("pc-1", "A1", "blog", CreditPolicy.ALWAYS));
        assertThat(match("a1", "A1").matched()).extracting(CodeMatch::code).containsExactly("a1", "A1");
    }

    @Test
    void exactMatchWinsOverRegexMatchWhateverTheIds() {
        add(Fixtures.regex("pc-0", "SUMMER.*", "news", CreditPolicy.ALWAYS),
                Fixtures.exact("pc-9", "SUMMER10", "blog", CreditPolicy.ALWAYS));
        assertThat(matchedIds("SUMMER10")).containsExactly("pc-9");
        assertThat(matchedIds("SUMMER11")).containsExactly("pc-0");
    }

    @Test
    void smallestPromoCodeIdWinsAmongMatchesOfOneKind() {
        add(Fixtures.regex("pc-b", "S.*", "news", CreditPolicy.ALWAYS),
                Fixtures.regex("pc-a", ".*10", "blog", CreditPolicy.ALWAYS),
                Fixtures.regex("pc-c", "SUMMER10", "coupons", CreditPolicy.ALWAYS),
                Fixtures.exact("pc-z", "WINTER", "blog", CreditPolicy.ALWAYS),
                Fixtures.exact("pc-y", "winter", "news", CreditPolicy.ALWAYS));
        assertThat(matchedIds("SUMMER10")).containsExactly("pc-a");
        assertThat(matchedIds("Winter")).containsExactly("pc-y");
    }

    @Test
    void scheduleIsInclusiveAtValidFromAndExclusiveAtValidTo() {
        add(Fixtures.scheduled(Fixtures.exact("pc-1", "A1", "blog", CreditPolicy.ALWAYS),
                "2026-06-01T10:00:00Z", "2026-06-02T10:00:00Z"));
        assertThat(index.match(Fixtures.PROGRAM, List.of("A1"), T).matched()).hasSize(1);
        assertThat(index.match(Fixtures.PROGRAM, List.of("A1"), T.minusMillis(1)).matched()).isEmpty();
        assertThat(index.match(Fixtures.PROGRAM, List.of("A1"), Instant.parse("2026-06-02T09:59:59.999Z")).matched())
                .hasSize(1);
        assertThat(index.match(Fixtures.PROGRAM, List.of("A1"), Instant.parse("2026-06-02T10:00:00Z")).matched())
                .isEmpty();
    }

    @Test
    void aDefinitionOutOfScheduleLetsTheNextLiveOneMatch() {
        add(Fixtures.scheduled(Fixtures.exact("pc-1", "A1", "blog", CreditPolicy.ALWAYS), null, "2026-01-01T00:00:00Z"),
                Fixtures.exact("pc-2", "A1", "news", CreditPolicy.ALWAYS));
        assertThat(matchedIds("A1")).containsExactly("pc-2");
    }

    @Test
    void codesOfAnotherProgramDoNotMatch() {
        add(Fixtures.inProgram(Fixtures.exact("pc-1", "A1", "blog", CreditPolicy.ALWAYS), "other"));
        assertThat(match("A1").unmatched()).containsExactly("A1");
        assertThat(index.partnerHoldsAlwaysCode(Fixtures.PROGRAM, "blog", T)).isFalse();
        assertThat(index.partnerHoldsAlwaysCode("other", "blog", T)).isTrue();
    }

    @Test
    void replacingAndRemovingADefinitionUpdatesEveryLookup() {
        add(Fixtures.exact("pc-1", "A1", "blog", CreditPolicy.ALWAYS));
        add(Fixtures.regex("pc-1", "B[0-9]", "blog", CreditPolicy.IF_WINNER));
        assertThat(matchedIds("A1")).isEmpty();
        assertThat(matchedIds("B1")).containsExactly("pc-1");
        assertThat(index.partnerHoldsAlwaysCode(Fixtures.PROGRAM, "blog", T)).isFalse();

        index.remove("pc-1");
        assertThat(matchedIds("B1")).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void alwaysCodesAreFoundByPartnerWithinTheirSchedule() {
        add(Fixtures.scheduled(Fixtures.regex("pc-1", "INF.*", "influencer", CreditPolicy.ALWAYS),
                "2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z"),
                Fixtures.exact("pc-2", "BLOG", "blog", CreditPolicy.IF_INVOLVED));
        assertThat(index.partnerHoldsAlwaysCode(Fixtures.PROGRAM, "influencer", T)).isTrue();
        assertThat(index.partnerHoldsAlwaysCode(Fixtures.PROGRAM, "influencer", Instant.parse("2026-07-01T00:00:00Z")))
                .isFalse();
        assertThat(index.partnerHoldsAlwaysCode(Fixtures.PROGRAM, "blog", T)).isFalse();
    }

    @Test
    void catastrophicBacktrackingPatternFinishesAtOnce() {
        add(Fixtures.regex("pc-1", "(a+)+b", "blog", CreditPolicy.ALWAYS),
                Fixtures.regex("pc-2", "(x+x+)+y", "blog", CreditPolicy.ALWAYS));
        String evil = "a".repeat(50_000) + "c";
        // a backtracking engine takes longer than the age of the universe here; RE2 is linear
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(matchedIds(evil, "x".repeat(50_000))).isEmpty());
    }

    @Test
    void patternsWithSharedAndEmptyLiteralPrefixesAllMatch() {
        add(Fixtures.regex("pc-1", "SUM(MER|MIT)[0-9]+", "blog", CreditPolicy.ALWAYS),
                Fixtures.regex("pc-2", "[A-Z]+-VIP", "news", CreditPolicy.ALWAYS),
                Fixtures.regex("pc-3", "SU?N.*", "coupons", CreditPolicy.ALWAYS),
                Fixtures.regex("pc-4", "(?i)deal.*", "deals", CreditPolicy.ALWAYS),
                Fixtures.regex("pc-5", "AB|CD", "ab", CreditPolicy.ALWAYS));
        assertThat(matchedIds("SUMMIT7")).containsExactly("pc-1");
        assertThat(matchedIds("GOLD-VIP")).containsExactly("pc-2");
        assertThat(matchedIds("SNOW")).containsExactly("pc-3");
        assertThat(matchedIds("DEAL5")).containsExactly("pc-4");
        assertThat(matchedIds("CD")).containsExactly("pc-5");
    }

    /** RE2J follows empty steps recursively, a frame per instruction; the automaton's construction and matching do not. */
    @Test
    void aThousandOptionalCharactersMatchOnAStreamThreadSizedStack() throws InterruptedException {
        assertMatchesOnStreamThreadStack("(?:.?){1000}!"); // 2,003 instructions
    }

    /** SPEC "Limits": past its memory budget the table keeps every definition and matches each the same, more slowly. */
    @Test
    void pastTheMemoryBudgetEveryDefinitionStillMatchesTheSame() {
        PromoCodeIndex small = new PromoCodeIndex(new CodeTableSettings(10_000, 4_000));
        List<PromoCode> codes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            codes.add(Fixtures.regex("pc-" + (char) ('a' + i % 26) + i, "[A-Z]{" + (i % 7 + 1) + "}[0-9]*" + (i % 10),
                    "blog", CreditPolicy.ALWAYS));
        }
        codes.add(Fixtures.exact("pc-x", "ABC1", "news", CreditPolicy.ALWAYS));
        for (PromoCode code : codes) {
            index.put(code.getPromoCodeId(), CodeDefinitions.from(code));
            small.put(code.getPromoCodeId(), CodeDefinitions.from(code));
        }
        List<String> typed = List.of("ABC1", "A0", "ABCDEFG123", "AB12", "ABCD5", "Z9", "nothing", "ABCDEFGH1");

        assertThat(small.definitionsWithoutAutomaton()).isPositive();
        assertThat(small.overBudget()).isPresent();
        assertThat(index.overBudget()).isEmpty();
        assertThat(small.match(Fixtures.PROGRAM, typed, T)).isEqualTo(index.match(Fixtures.PROGRAM, typed, T));
        assertThat(small.match(Fixtures.PROGRAM, typed, T).matched()).hasSizeGreaterThan(3);

        codes.forEach(code -> small.remove(code.getPromoCodeId()));
        assertThat(small.definitionsWithoutAutomaton()).isZero();
        assertThat(small.memoryBytes()).isZero();
        assertThat(small.overBudget()).isEmpty();
    }

    private void assertMatchesOnStreamThreadStack(String pattern) throws InterruptedException {
        add(Fixtures.regex("pc-1", pattern, "blog", CreditPolicy.ALWAYS));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread streamThread = new Thread(null, () -> {
            try {
                outcome.set(match("aaa!", "aaa"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "stream-thread-like", 1 << 20);
        streamThread.start();
        streamThread.join();

        assertThat(outcome.get()).isInstanceOfSatisfying(MatchResult.class, result -> {
            assertThat(result.matched()).extracting(CodeMatch::code).containsExactly("aaa!");
            assertThat(result.unmatched()).containsExactly("aaa");
        });
    }
}
