package org.promoattribution.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.CodeMatch;
import org.promoattribution.codes.Schedule;
import org.promoattribution.rule.CreditRule;
import org.promoattribution.rule.ListClickLog;
import org.promoattribution.rule.TrackedClick;
import org.promoattribution.rule.Verdict;
import org.promoattribution.schemas.Basis;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.Outcome;

/**
 * The credit rule (SPEC "The rule", steps 1, 2, 5, 6) over random click histories and matched
 * codes. Few partners and few distinct click times, so that ties and shared partners are common.
 */
class CreditRulePropertyTest {
    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final List<String> PARTNERS = List.of("blog", "coupons", "news");

    @Property(tries = 200)
    void everyConversionGetsOneWellFormedVerdict(@ForAll("clicks") List<TrackedClick> clicks,
                                                 @ForAll("matched") List<CodeMatch> matched) {
        Verdict verdict = decide(clicks, matched);
        CodeMatch first = matched.isEmpty() ? null : matched.get(0);
        switch (verdict.reason()) {
            case PROMO_CODE_ALWAYS -> assertThat(verdict).isEqualTo(new Verdict(Outcome.CREDITED,
                    verdict.reason(), verdict.code().partnerId(), Basis.PROMO_CODE, verdict.code(), null));
            case PROMO_CODE_INVOLVED -> assertThat(verdict).isEqualTo(new Verdict(Outcome.CREDITED, verdict.reason(),
                    verdict.code().partnerId(), Basis.PROMO_CODE, verdict.code(),
                    winner(clicks.stream().filter(c -> c.partnerId().equals(verdict.partnerId())).toList())
                            .orElseThrow()));
            case PROMO_CODE_WINNER -> assertThat(verdict).isEqualTo(new Verdict(Outcome.CREDITED, verdict.reason(),
                    verdict.code().partnerId(), Basis.PROMO_CODE, verdict.code(), winner(clicks).orElseThrow()));
            case LAST_CLICK -> assertThat(verdict).isEqualTo(new Verdict(Outcome.CREDITED, verdict.reason(),
                    verdict.click().partnerId(), Basis.CLICK, null, winner(clicks).orElseThrow()));
            case PROMO_CODE_OF_OTHER_PARTNER -> assertThat(verdict).isEqualTo(new Verdict(Outcome.INVALID,
                    verdict.reason(), verdict.click().partnerId(), Basis.CLICK, first, winner(clicks).orElseThrow()));
            case PROMO_CODE_POLICY_NOT_MET -> assertThat(verdict).isEqualTo(new Verdict(Outcome.UNATTRIBUTED,
                    verdict.reason(), null, null, first, null));
            case NO_CLICK_NO_CODE -> {
                assertThat(verdict).isEqualTo(
                        new Verdict(Outcome.UNATTRIBUTED, verdict.reason(), null, null, null, null));
                assertThat(clicks).isEmpty();
                assertThat(matched).isEmpty();
            }
        }
        if (verdict.outcome() == Outcome.CREDITED && verdict.basis() == Basis.PROMO_CODE) {
            assertThat(verdict.code()).as("the first code that earns credit")
                    .isEqualTo(matched.stream().filter(m -> earnsCredit(m, clicks)).findFirst().orElseThrow());
        }
    }

    @Property(tries = 200)
    void creditedExactlyWhenACodeEarnsCreditOrNoCodeMatchedAndThereIsAClick(
            @ForAll("clicks") List<TrackedClick> clicks, @ForAll("matched") List<CodeMatch> matched) {
        boolean someCodeEarns = matched.stream().anyMatch(m -> earnsCredit(m, clicks));
        boolean clickWins = matched.isEmpty() && !clicks.isEmpty();

        assertThat(decide(clicks, matched).outcome() == Outcome.CREDITED).isEqualTo(someCodeEarns || clickWins);
    }

    @Property(tries = 200)
    void withoutACodeTheLatestClickWinsTiesGoingToTheLaterArrival(@ForAll("someClicks") List<TrackedClick> clicks) {
        TrackedClick latest = clicks.get(0);
        for (TrackedClick click : clicks) {
            if (!click.timestamp().isBefore(latest.timestamp())) {
                latest = click;
            }
        }
        Verdict verdict = decide(clicks, List.of());

        assertThat(verdict.click()).isEqualTo(latest);
        assertThat(verdict.partnerId()).isEqualTo(latest.partnerId());
    }

    @Property(tries = 200)
    void clicksOutsideTheWindowNeverChangeTheVerdict(@ForAll("clicks") List<TrackedClick> clicks,
                                                     @ForAll("matched") List<CodeMatch> matched,
                                                     @ForAll("outsideClicks") List<TrackedClick> outside,
                                                     @ForAll Random random) {
        List<TrackedClick> mixed = new ArrayList<>(clicks);
        outside.forEach(click -> mixed.add(random.nextInt(mixed.size() + 1), click));

        assertThat(decide(mixed, matched)).isEqualTo(decide(clicks, matched));
    }

    private static Verdict decide(List<TrackedClick> clicks, List<CodeMatch> matched) {
        return CreditRule.decide(T, WINDOW, new ListClickLog(clicks), matched);
    }

    /** SPEC rule 5, in its own words. */
    private static boolean earnsCredit(CodeMatch match, List<TrackedClick> clicks) {
        return switch (match.definition().creditPolicy()) {
            case ALWAYS -> true;
            case IF_INVOLVED -> clicks.stream().anyMatch(c -> c.partnerId().equals(match.partnerId()));
            case IF_WINNER -> winner(clicks).map(w -> w.partnerId().equals(match.partnerId())).orElse(false);
        };
    }

    /** SPEC rule 2 over clicks all inside the window: the latest; on a tie, the later arrival. */
    private static Optional<TrackedClick> winner(List<TrackedClick> clicks) {
        return IntStream.range(0, clicks.size()).boxed()
                .max((i, j) -> clicks.get(i).timestamp().equals(clicks.get(j).timestamp()) ? Integer.compare(i, j)
                        : clicks.get(i).timestamp().compareTo(clicks.get(j).timestamp()))
                .map(clicks::get);
    }

    /** Clicks within [t − window, t], both ends included, at seven distinct times. */
    @Provide
    Arbitrary<List<TrackedClick>> clicks() {
        return clicksAt(inWindow(), "c", 0);
    }

    @Provide
    Arbitrary<List<TrackedClick>> someClicks() {
        return clicksAt(inWindow(), "c", 1);
    }

    private static Arbitrary<Instant> inWindow() {
        return Arbitraries.integers().between(0, 6).map(k -> T.minus(WINDOW.multipliedBy(k).dividedBy(6)));
    }

    /** Clicks before t − window or after t, the nearest a millisecond outside. */
    @Provide
    Arbitrary<List<TrackedClick>> outsideClicks() {
        Arbitrary<Instant> before = Arbitraries.longs().between(1, Duration.ofDays(90).toMillis())
                .map(ms -> T.minus(WINDOW).minusMillis(ms));
        Arbitrary<Instant> after = Arbitraries.longs().between(1, Duration.ofDays(90).toMillis()).map(T::plusMillis);
        return clicksAt(Arbitraries.oneOf(before, after), "outside", 0);
    }

    @Provide
    Arbitrary<List<CodeMatch>> matched() {
        return Combinators.combine(Arbitraries.of(PARTNERS), Arbitraries.of(CreditPolicy.class)).as(Code::new)
                .list().ofMaxSize(3)
                .map(codes -> IntStream.range(0, codes.size()).mapToObj(i -> codes.get(i).matchedAt(i)).toList());
    }

    private static Arbitrary<List<TrackedClick>> clicksAt(Arbitrary<Instant> times, String idPrefix, int minSize) {
        return Combinators.combine(Arbitraries.of(PARTNERS), times).as(ClickWithoutId::new)
                .list().ofMinSize(minSize).ofMaxSize(6)
                .map(list -> IntStream.range(0, list.size())
                        .mapToObj(i -> new TrackedClick(idPrefix + i, list.get(i).partner(), list.get(i).at()))
                        .toList());
    }

    private record ClickWithoutId(String partner, Instant at) {
    }

    /** A definition matched by the code typed at {@code position}. */
    private record Code(String partner, CreditPolicy policy) {
        CodeMatch matchedAt(int position) {
            String code = "CODE" + position;
            return new CodeMatch(code, new CodeDefinition("pc-" + position, "acme", partner, code, MatchType.EXACT,
                    policy, "deal-" + position, Schedule.ALWAYS_LIVE, null));
        }
    }
}
