package org.promoattribution.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.simulate.SimEvent;

/**
 * A generated promo-code table: EXACT codes such as {@code SUMMER10}, REGEX codes such as
 * {@code BLOG7-[0-9]{4}} (an influencer's personal codes), every credit policy, some schedules.
 * The mix is exact, not sampled: 25% REGEX of 200 codes is 50 REGEX codes.
 */
public final class CodeTable {
    static final String REGEX_DIGITS = "[0-9]{4}";
    private static final List<String> WORDS = List.of("SUMMER", "WELCOME", "SAVE", "FLASH", "HOLIDAY", "SPRING",
            "AUTUMN", "WINTER", "FRIDAY", "GIFT");

    private final List<PromoCode> definitions;
    private final Map<String, List<PromoCode>> byProgram = new HashMap<>();
    private final Map<String, Map<String, List<PromoCode>>> byProgramAndPartner = new HashMap<>();

    private CodeTable(List<PromoCode> definitions) {
        this.definitions = List.copyOf(definitions);
        definitions.forEach(d -> {
            byProgram.computeIfAbsent(d.getProgramId(), p -> new ArrayList<>()).add(d);
            byProgramAndPartner.computeIfAbsent(d.getProgramId(), p -> new HashMap<>())
                    .computeIfAbsent(d.getPartnerId(), p -> new ArrayList<>()).add(d);
        });
    }

    public static CodeTable generate(TrafficProfile profile) {
        Random random = new Random(profile.seed());
        int size = profile.codes();
        List<MatchType> matchTypes = spread(size, List.of(MatchType.REGEX, MatchType.EXACT),
                new double[] {profile.regexShare(), 1 - profile.regexShare()}, random);
        List<CreditPolicy> policies = spread(size, List.of(CreditPolicy.values()), policyShares(profile), random);
        List<Boolean> scheduled = spread(size, List.of(true, false),
                new double[] {profile.scheduledShare(), 1 - profile.scheduledShare()}, random);
        Schedules schedules = new Schedules(profile.start(), profile.expectedSpan());

        List<PromoCode> codes = new ArrayList<>(size);
        int scheduledSoFar = 0;
        for (int i = 0; i < size; i++) {
            CreditPolicy policy = policies.get(i);
            List<String> holders = policy == CreditPolicy.ALWAYS ? profile.alwaysPartners() : profile.clickPartners();
            String partner = holders.get(random.nextInt(holders.size()));
            MatchType matchType = matchTypes.get(i);
            PromoCode.Builder code = PromoCode.newBuilder()
                    .setPromoCodeId(String.format(Locale.ROOT, "pc-%05d", i + 1))
                    .setProgramId(profile.programs().get(i % profile.programs().size()))
                    .setCode(matchType == MatchType.REGEX ? tag(partner) + (i + 1) + "-" + REGEX_DIGITS
                            : WORDS.get(i % WORDS.size()) + (10 + 5 * (i / WORDS.size())))
                    .setPartnerId(partner)
                    .setMatchType(matchType)
                    .setCreditPolicy(policy)
                    .setDealId(random.nextInt(10) < 7 ? "deal-" + (1 + random.nextInt(20)) : null)
                    .setEmail(random.nextInt(10) < 3 ? partner + "@partners.example" : null);
            if (scheduled.get(i)) {
                schedules.apply(code, scheduledSoFar++);
            }
            codes.add(code.build());
        }
        return new CodeTable(codes);
    }

    public List<PromoCode> definitions() {
        return definitions;
    }

    /** The definitions as events of the promo-codes topic, keyed by promoCodeId. */
    public List<SimEvent> events() {
        return definitions.stream().map(d -> new SimEvent(SimEvent.Kind.PROMO_CODE, d.getPromoCodeId(), d)).toList();
    }

    public int size() {
        return definitions.size();
    }

    List<PromoCode> ofProgram(String programId) {
        return byProgram.getOrDefault(programId, List.of());
    }

    List<PromoCode> ofPartner(String programId, String partnerId) {
        return byProgramAndPartner.getOrDefault(programId, Map.of()).getOrDefault(partnerId, List.of());
    }

    /** A code's letters for its partner's personal codes: "insta-ana" gives "INST". */
    private static String tag(String partner) {
        String letters = partner.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return letters.isEmpty() ? "P" : letters.substring(0, Math.min(4, letters.length()));
    }

    private static double[] policyShares(TrafficProfile profile) {
        CreditPolicy[] all = CreditPolicy.values();
        double[] shares = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            shares[i] = profile.policyWeights().getOrDefault(all[i], 0);
        }
        return shares;
    }

    /**
     * {@code size} values of {@code kinds}, each as often as its share of the total (rounded so the
     * counts add up to size), in a shuffled order.
     */
    static <T> List<T> spread(int size, List<T> kinds, double[] shares, Random random) {
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        List<T> values = new ArrayList<>(size);
        double cumulative = 0;
        for (int k = 0; k < kinds.size(); k++) {
            long before = Math.round(cumulative / total * size);
            cumulative += shares[k];
            long after = Math.round(cumulative / total * size);
            values.addAll(Collections.nCopies((int) (after - before), kinds.get(k)));
        }
        Collections.shuffle(values, random);
        return values;
    }

    /** The validity windows of scheduled codes, in turn: each kind of schedule a shopper meets. */
    private record Schedules(Instant start, Duration span) {
        void apply(PromoCode.Builder code, int index) {
            Instant halfway = start.plus(span.dividedBy(2));
            switch (index % 4) {
                case 0 -> code.setValidFrom(halfway); // a campaign that starts during the traffic
                case 1 -> code.setValidTo(halfway); // one that ends during it
                case 2 -> code.setValidFrom(start.minus(Duration.ofDays(60)))
                        .setValidTo(start.minus(Duration.ofDays(30))); // expired: shoppers still type it
                default -> code.setValidFrom(start.minus(Duration.ofDays(1)))
                        .setValidTo(start.plus(Duration.ofDays(30))); // this month's
            }
        }
    }
}
