package org.promoattribution.bench;

import java.util.List;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.SampleTerms;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.load.TrafficTotals;
import org.promoattribution.simulate.SimEvent;

/**
 * One workload: generated traffic and its promo-code table, written once to topics of its own.
 *
 * @param sessionLength   clicks of every session, or 0 for the generator's 1 to 20
 * @param adjustmentEvery one order in this many is refunded or changed later (0: none)
 * @param withTerms       commission terms ({@link SampleTerms#halfThePartners}) beside the codes,
 *                        and orders with line items; the same clicks and orders otherwise
 */
public record Scenario(String name, TrafficProfile profile, int sessionLength, int adjustmentEvery,
                       boolean withTerms) {

    public CodeTable codes() {
        return CodeTable.generate(profile);
    }

    /** The same events on every call: the generator is seeded by the profile. */
    public TrafficGenerator traffic(CodeTable codes) {
        TrafficGenerator traffic = new TrafficGenerator(profile, codes, sessionLength, adjustmentEvery);
        return withTerms ? traffic.withOrderItems() : traffic;
    }

    /** The commission-terms topic's records, none without terms. */
    public List<SimEvent> terms(CodeTable codes) {
        return withTerms ? SampleTerms.events(SampleTerms.halfThePartners(profile, codes)) : List.of();
    }

    /** What the traffic holds, counted without sending it. */
    public TrafficTotals totals() {
        TrafficGenerator traffic = traffic(codes());
        traffic.forEachRemaining(event -> { });
        return traffic.totals();
    }

    /** The name of {@link #main}. */
    static final String MAIN = "main";
    /** The name of {@link #adjusted}. */
    static final String ADJUSTED = "main-adjusted";
    /** The name of {@link #withTerms(int)}. */
    static final String WITH_TERMS = "main-terms";

    /** The main workload: realistic traffic of the generator's default shape. */
    static Scenario main(int clicks) {
        return new Scenario(MAIN, TrafficProfile.defaults().withClicks(clicks), 0, 0, false);
    }

    /** The main workload with a refund or amount change of one order in ten. */
    static Scenario adjusted(int clicks) {
        return new Scenario(ADJUSTED, TrafficProfile.defaults().withClicks(clicks), 0, 10, false);
    }

    /** The main workload's clicks and orders, the orders with line items, under commission terms. */
    static Scenario withTerms(int clicks) {
        return new Scenario(WITH_TERMS, TrafficProfile.defaults().withClicks(clicks), 0, 0, true);
    }

    /** Traffic of the main workload's shape, sent at a set pace while a contender runs. */
    static Scenario paced(String name, int clicks) {
        return new Scenario(name, TrafficProfile.defaults().withClicks(clicks), 0, 0, false);
    }

    /** Every code REGEX, {@code perProgram} of them in each program. */
    static Scenario regex(int clicks, int perProgram) {
        TrafficProfile defaults = TrafficProfile.defaults();
        return new Scenario("regex-" + perProgram, defaults.withClicks(clicks)
                .withCodes(perProgram * defaults.programs().size()).withRegexShare(1.0), 0, 0, false);
    }

    /** Sessions of exactly {@code length} clicks, so each order looks through that much history. */
    static Scenario history(int clicks, int length) {
        return new Scenario("history-" + length, TrafficProfile.defaults().withClicks(clicks), length, 0, false);
    }

    static Scenario sessions(int sessions) {
        return new Scenario("sessions-" + sessions,
                TrafficProfile.defaults().withClicks(BenchPlan.clicksOfSessions(sessions)), 0, 0, false);
    }
}
