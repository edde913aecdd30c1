package org.promoattribution.commission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live commission terms of one program, frozen: each partner's own terms and the program's
 * default terms, each list in termsId order (rule 4's string order), and the longest referral
 * window any of them sets. One decision reads one of these, so the terms cannot change under it.
 */
public final class ProgramTerms {
    public static final ProgramTerms NONE = new ProgramTerms(Map.of(), List.of(), Duration.ZERO);
    private static final Comparator<Terms> BY_TERMS_ID = Comparator.comparing(Terms::termsId);

    private final Map<String, List<Terms>> byPartner;
    private final List<Terms> defaults;
    private final Duration longestWindow;

    private ProgramTerms(Map<String, List<Terms>> byPartner, List<Terms> defaults, Duration longestWindow) {
        this.byPartner = byPartner;
        this.defaults = defaults;
        this.longestWindow = longestWindow;
    }

    static ProgramTerms of(Iterable<Terms> terms) {
        Map<String, List<Terms>> byPartner = new HashMap<>();
        List<Terms> defaults = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (Terms t : terms) {
            (t.partnerId() == null ? defaults : byPartner.computeIfAbsent(t.partnerId(), p -> new ArrayList<>())).add(t);
            if (t.referralWindow() != null && t.referralWindow().compareTo(longest) > 0) {
                longest = t.referralWindow();
            }
        }
        Map<String, List<Terms>> sorted = new HashMap<>();
        byPartner.forEach((partner, list) -> sorted.put(partner, sortedCopy(list)));
        return new ProgramTerms(Map.copyOf(sorted), sortedCopy(defaults), longest);
    }

    private static List<Terms> sortedCopy(List<Terms> terms) {
        terms.sort(BY_TERMS_ID);
        return List.copyOf(terms);
    }

    /** SPEC C1: the terms in force for {@code partnerId} at {@code t}: its own, else the program's defaults; null if none. */
    public Terms inForce(String partnerId, Instant t) {
        Terms own = ownTerms(partnerId, t);
        return own != null ? own : defaultTerms(t);
    }

    /** The partner's own terms in force at {@code t}, without falling back on the program's defaults. */
    public Terms ownTerms(String partnerId, Instant t) {
        return partnerId == null ? null : first(byPartner.get(partnerId), t);
    }

    /** The program's default terms in force at {@code t}. */
    public Terms defaultTerms(Instant t) {
        return first(defaults, t);
    }

    /** The longest referral window any of the terms sets, whatever its schedule (zero when none does). */
    public Duration longestWindow() {
        return longestWindow;
    }

    /** Smallest termsId first: the first whose schedule contains t. */
    private static Terms first(List<Terms> terms, Instant t) {
        if (terms != null) {
            for (Terms candidate : terms) {
                if (candidate.schedule().contains(t)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
