package org.promoattribution.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.testing.AttributionDriver;

/**
 * Where a session keeps its clicks ({@code click.inline.max}) changes no decision. Random clicks and
 * orders of two sessions, with click ids delivered again, late clicks, clicks leaving a one-day
 * window and a bound of four, are decided alike with every click in the click history (0), with
 * sessions moving between their entry and the history (2), and with every session in its entry (32).
 */
class ClicksHeldPropertyTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final List<String> PARTNERS = List.of("blog", "news", "shop");

    /** A click (its id one of a few, so some are delivered again) or, when {@code order}, an order. */
    record Event(boolean order, int id, int session, int partner, int minute, boolean blogCode) {
    }

    @Property(tries = 40)
    void whereASessionKeepsItsClicksChangesNoDecision(@ForAll("events") List<Event> events) {
        List<String> inTheHistory = decided("0", events);
        assertThat(decided("2", events)).isEqualTo(inTheHistory);
        assertThat(decided("32", events)).isEqualTo(inTheHistory);
    }

    @Provide
    Arbitrary<List<Event>> events() {
        // Minutes over three days: a one-day window with an hour's grace leaves clicks behind.
        Arbitrary<Event> event = Combinators.combine(Arbitraries.integers().between(0, 4).map(n -> n == 0),
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, PARTNERS.size() - 1), Arbitraries.integers().between(0, 3 * 24 * 60),
                Arbitraries.of(true, false)).as(Event::new);
        return event.list().ofMinSize(1).ofMaxSize(40);
    }

    /** The decisions and the counted evictions and repeats, as text, under that {@code click.inline.max}. */
    private static List<String> decided(String inlineMax, List<Event> events) {
        List<String> seen = new ArrayList<>();
        try (AttributionDriver pipeline = new AttributionDriver(AttributionDriver.settings("click.inline.max", inlineMax,
                "session.max.clicks", "4", "referral.window", "P1D", "referral.window.max", "P1D",
                "click.retention.grace", "PT1H"))) {
            pipeline.codes(exact("pc-1", "BLOG", "blog", CreditPolicy.IF_INVOLVED));
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                String session = "s" + e.session();
                String time = START.plusSeconds(60L * e.minute()).toString();
                if (e.order()) {
                    pipeline.conversions(e.blogCode() ? conversion("o" + i, session, time, "BLOG")
                            : conversion("o" + i, session, time));
                } else {
                    pipeline.clicks(click("c" + e.id(), session, PARTNERS.get(e.partner()), time));
                }
            }
            for (AttributionDecision decision : pipeline.decisions()) {
                seen.add(decision.toString());
            }
            seen.add("evicted by window " + pipeline.counter("attribution.clicks.evicted", "cause", "window")
                    + ", by bound " + pipeline.counter("attribution.clicks.evicted", "cause", "bound")
                    + ", repeated " + pipeline.counter("attribution.clicks.duplicate"));
        }
        return seen;
    }
}
