package org.promoattribution.rule;

import java.time.Duration;
import java.time.Instant;
import org.promoattribution.commission.ProgramTerms;
import org.promoattribution.commission.Terms;

/**
 * SPEC rule 1 and C3, window(X) for the clicks of one conversion at t: the referralWindow of X's
 * own terms in force at t when they set one, else that of the program's default terms in force at
 * t when they set one, else the program's configured window. A pure function of the program's
 * terms, frozen for the decision.
 */
public final class ReferralWindows {
    private final ProgramTerms terms;
    private final Instant t;
    private final Duration fallback;
    private final Duration longest;

    private ReferralWindows(ProgramTerms terms, Instant t, Duration fallback, Duration longest) {
        this.terms = terms;
        this.t = t;
        this.fallback = fallback;
        this.longest = longest;
    }

    /** One window for every partner: a program without terms. */
    public static ReferralWindows uniform(Duration window) {
        return new ReferralWindows(ProgramTerms.NONE, Instant.EPOCH, window, window);
    }

    /**
     * @param terms         the program's live terms
     * @param t             the conversion's event time
     * @param programWindow referral.window.program.&lt;p&gt;, else referral.window
     */
    public static ReferralWindows at(ProgramTerms terms, Instant t, Duration programWindow) {
        Terms defaults = terms.defaultTerms(t);
        Duration fallback = defaults != null && defaults.referralWindow() != null
                ? defaults.referralWindow() : programWindow;
        Duration longest = terms.longestWindow().compareTo(fallback) > 0 ? terms.longestWindow() : fallback;
        return new ReferralWindows(terms, t, fallback, longest);
    }

    /** window(X) */
    public Duration of(String partnerId) {
        Terms own = terms.ownTerms(partnerId, t);
        return own != null && own.referralWindow() != null ? own.referralWindow() : fallback;
    }

    /** The window of a partner whose own terms set none. */
    public Duration fallback() {
        return fallback;
    }

    /** No partner's window is longer: where to start looking for clicks. */
    public Duration longest() {
        return longest;
    }
}
