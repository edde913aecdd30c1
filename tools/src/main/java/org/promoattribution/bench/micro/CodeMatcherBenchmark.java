package org.promoattribution.bench.micro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.promoattribution.codes.MatchResult;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.validation.CodeDefinitions;

/**
 * Matching the codes typed on generated orders against a table of {@code regexCodes} REGEX
 * codes per program: the trie of literal prefixes should keep the cost flat as the table grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodeMatcherBenchmark {
    private static final int ORDERS = 1_000;

    @Param({"10", "1000", "10000"})
    public int regexCodes;

    private final PromoCodeIndex index = new PromoCodeIndex();
    private final List<Conversion> orders = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        TrafficProfile defaults = TrafficProfile.defaults();
        TrafficProfile profile = defaults.withCodes(regexCodes * defaults.programs().size()).withRegexShare(1.0)
                .withClicks(ORDERS * 10);
        CodeTable table = CodeTable.generate(profile);
        for (PromoCode code : table.definitions()) {
            index.put(code.getPromoCodeId(), CodeDefinitions.from(code));
        }
        TrafficGenerator traffic = new TrafficGenerator(profile, table);
        while (traffic.hasNext()) {
            SimEvent event = traffic.next();
            if (event.kind() == SimEvent.Kind.CONVERSION && !((Conversion) event.value()).getPromoCodes().isEmpty()) {
                orders.add((Conversion) event.value());
            }
        }
    }

    /** One order's codes a call, round the generated orders. */
    @Benchmark
    public MatchResult matchOrder() {
        Conversion order = orders.get(next++ % orders.size());
        Instant t = order.getTimestamp();
        return index.match(order.getProgramId(), order.getPromoCodes(), t);
    }
}
