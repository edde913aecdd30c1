package org.promoattribution.bench;

import org.promoattribution.load.CodeTable;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.load.TrafficTotals;

/**
 * One workload: generated traffic and its promo-code table, written once to topics of its own.
 *
 * @param sessionLength   clicks of every session, or 0 for the generator's 1 to 20
 * @param adjustmentEvery one order in this many is refunded or changed later (0: none)
 */
public record Scenario(String name, TrafficProfile profile, int sessionLength, int adjustmentEvery) {

    public CodeTable codes() {
        return CodeTable.generate(profile);
    }

    /** The same events on every call: the generator is seeded by the profile. */
    public TrafficGenerator traffic(CodeTable codes) {
        return new TrafficGenerator(profile, codes, sessionLength, adjustmentEvery);
    }

    /** What the traffic holds, counted without sending it. */
    public TrafficTotals totals() {
        TrafficGenerator traffic = traffic(codes());
        traffic.forEachRemaining(event -> { });
        return traffic.totals();
    }

    /** The name of {@link #adjusted}. */
    static final String ADJUSTED = "main-adjusted";

    /** The main workload: realistic traffic of the generator's default shape. */
    static Scenario main(int clicks) {
        return new Scenario("main", TrafficProfile.defaults().withClicks(clicks), 0, 0);
    }

    /** The main workload with a refund or amount change of one order in ten. */
    static Scenario adjusted(int clicks) {
        return new Scenario(ADJUSTED, TrafficProfile.defaults().withClicks(clicks), 0, 10);
    }

    /** Traffic of the main workload's shape, sent at a set pace while a contender runs. */
    static Scenario paced(String name, int clicks) {
        return new Scenario(name, TrafficProfile.defaults().withClicks(clicks), 0, 0);
    }

    /** Every code REGEX, {@code perProgram} of them in each program. */
    static Scenario regex(int clicks, int perProgram) {
        TrafficProfile defaults = TrafficProfile.defaults();
        return new Scenario("regex-" + perProgram, defaults.withClicks(clicks)
                .withCodes(perProgram * defaults.programs().size()).withRegexShare(1.0), 0, 0);
    }

    /** Sessions of exactly {@code length} clicks, so each order looks through that much history. */
    static Scenario history(int clicks, int length) {
        return new Scenario("history-" + length, TrafficProfile.defaults().withClicks(clicks), length, 0);
    }

    static Scenario sessions(int sessions) {
        return new Scenario("sessions-" + sessions,
                TrafficProfile.defaults().withClicks(BenchPlan.clicksOfSessions(sessions)), 0, 0);
    }
}
