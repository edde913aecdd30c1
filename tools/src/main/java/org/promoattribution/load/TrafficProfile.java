package org.promoattribution.load;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.promoattribution.schemas.CreditPolicy;

/**
 * What generated traffic looks like: how much of it, the promo-code table's size and mix, and
 * how often shoppers buy. One seed gives one exact stream of events.
 *
 * @param clicks            distinct clicks to generate (duplicates come on top)
 * @param codes             size of the promo-code table
 * @param conversionRatio   conversions per click (0.1: one order per ten clicks)
 * @param regexShare        share of REGEX definitions in the table
 * @param scheduledShare    share of definitions with a validity window
 * @param policyWeights     relative weight of each credit policy in the table
 * @param duplicateShare    share of clicks and conversions delivered twice (producer retries)
 * @param programs          the advertiser's programs; sessions and codes are spread over them
 * @param partners          partner ids; the first quarter are coupon and cashback sites, the holders of ALWAYS codes
 * @param start             event time of the first session
 */
public record TrafficProfile(
        long seed,
        int clicks,
        int codes,
        double conversionRatio,
        double regexShare,
        double scheduledShare,
        Map<CreditPolicy, Integer> policyWeights,
        double duplicateShare,
        List<String> programs,
        List<String> partners,
        Instant start) {

    /** Mean time between two sessions' first clicks. */
    static final Duration SESSION_GAP = Duration.ofSeconds(10);
    /** Mean clicks of a session (1 to 20, uniformly). */
    static final double CLICKS_PER_SESSION = 10.5;

    public TrafficProfile {
        if (clicks < 0 || codes < 0) {
            throw new IllegalArgumentException("clicks and codes must not be negative");
        }
        if (conversionRatio < 0) {
            throw new IllegalArgumentException("the conversion ratio must not be negative: " + conversionRatio);
        }
        share("regexShare", regexShare);
        share("scheduledShare", scheduledShare);
        share("duplicateShare", duplicateShare);
        if (policyWeights.values().stream().mapToInt(Integer::intValue).sum() <= 0
                || policyWeights.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("policy weights must not be negative and must not all be zero");
        }
        if (programs.isEmpty() || partners.isEmpty()) {
            throw new IllegalArgumentException("traffic needs at least one program and one partner");
        }
        policyWeights = Map.copyOf(policyWeights);
        programs = List.copyOf(programs);
        partners = List.copyOf(partners);
    }

    public static TrafficProfile defaults() {
        Map<CreditPolicy, Integer> weights = new EnumMap<>(CreditPolicy.class);
        weights.put(CreditPolicy.ALWAYS, 1);
        weights.put(CreditPolicy.IF_INVOLVED, 1);
        weights.put(CreditPolicy.IF_WINNER, 2);
        return new TrafficProfile(1, 10_000, 50, 0.1, 0.25, 0.15, weights, 0.01,
                List.of("acme", "globex"),
                List.of("coupon-corner", "cashback-club", "blog", "deal-finder", "insta-ana", "news-daily",
                        "video-tom", "network-x"),
                Instant.parse("2026-06-01T08:00:00Z"));
    }

    public TrafficProfile withSeed(long newSeed) {
        return new TrafficProfile(newSeed, clicks, codes, conversionRatio, regexShare, scheduledShare, policyWeights,
                duplicateShare, programs, partners, start);
    }

    public TrafficProfile withClicks(int newClicks) {
        return new TrafficProfile(seed, newClicks, codes, conversionRatio, regexShare, scheduledShare, policyWeights,
                duplicateShare, programs, partners, start);
    }

    public TrafficProfile withCodes(int newCodes) {
        return new TrafficProfile(seed, clicks, newCodes, conversionRatio, regexShare, scheduledShare, policyWeights,
                duplicateShare, programs, partners, start);
    }

    public TrafficProfile withRegexShare(double share) {
        return new TrafficProfile(seed, clicks, codes, conversionRatio, share, scheduledShare, policyWeights,
                duplicateShare, programs, partners, start);
    }

    public TrafficProfile withConversionRatio(double ratio) {
        return new TrafficProfile(seed, clicks, codes, ratio, regexShare, scheduledShare, policyWeights,
                duplicateShare, programs, partners, start);
    }

    /** The coupon and cashback sites: they hold the ALWAYS codes, so their clicks go untracked (SPEC rule 3). */
    List<String> alwaysPartners() {
        return partners.subList(0, Math.max(1, partners.size() / 4));
    }

    /** Partners whose codes need a click: everyone else (everyone, when there is only one). */
    List<String> clickPartners() {
        List<String> rest = partners.subList(alwaysPartners().size(), partners.size());
        return rest.isEmpty() ? partners : rest;
    }

    /** About how long the traffic lasts in event time; schedules change half-way through it. */
    Duration expectedSpan() {
        return SESSION_GAP.multipliedBy(Math.max(1, Math.round(clicks / CLICKS_PER_SESSION)));
    }

    private static void share(String name, double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }
}
