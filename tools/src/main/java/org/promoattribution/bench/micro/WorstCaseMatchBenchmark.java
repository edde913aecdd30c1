package org.promoattribution.bench.micro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.validation.InvalidRecordException;

/**
 * Issue 22's worst cases: one order of 100 distinct typed codes of 1,000 characters (the record
 * limits' most) against a program's REGEX definitions, which must cost at most 10 ms whatever the
 * definitions. {@code workload}:
 * <ul>
 *   <li>{@code bench-10000}: 10,000 definitions of the kind {@code bench} generates
 *   ({@code BLOG<n>-[0-9]{4}}, load/CodeTable); codes of the tag and digits, which keep the most
 *   patterns alive longest;</li>
 *   <li>{@code limit-100}: 100 definitions at the state limit with no literal prefix,
 *   {@code [A-Z0-9]{1000}}×9 {@code [A-Z0-9]{997}!} and a digit (10,000 states each, every
 *   character of a code a live state); codes of letters and digits, which never die;</li>
 *   <li>{@code star1000}, {@code quest1000}, {@code issue710}: each pattern quoted in issue 22
 *   ({@code (?:.*){1000}!}, {@code (?:.?){1000}Z}, {@code (?:} + {@code a?}×349 + {@code ){1000}!1}),
 *   defined if valid (the last is INVALID_PATTERN: then the order matches against nothing),
 *   with codes of letters and digits, which they match only at the last character.</li>
 * </ul>
 * Setup prints each workload's definitions kept, rejected and heap (the index's estimate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorstCaseMatchBenchmark {
    private static final int CODES = 100;
    private static final int CODE_LENGTH = 1_000;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String PROGRAM = "acme";
    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    @Param({"bench-10000", "limit-100", "star1000", "quest1000", "issue710"})
    public String workload;

    private final PromoCodeIndex index = new PromoCodeIndex();
    private final List<String> order = new ArrayList<>();

    @Setup
    public void setUp() {
        Random random = new Random(42);
        switch (workload) {
            case "bench-10000" -> {
                define(10_000, i -> "BLOG" + (i + 1) + "-[0-9]{4}");
                codes(random, "BLOG", "0123456789");
            }
            case "limit-100" -> {
                define(100, i -> "[A-Z0-9]{1000}".repeat(9) + "[A-Z0-9]{997}!" + i % 10);
                codes(random, "", ALPHANUMERIC);
            }
            case "star1000" -> {
                define(1, i -> "(?:.*){1000}!");
                codes(random, "", ALPHANUMERIC);
            }
            case "quest1000" -> {
                define(1, i -> "(?:.?){1000}Z");
                codes(random, "", ALPHANUMERIC.replace("Z", ""));
            }
            case "issue710" -> {
                define(1, i -> "(?:" + "a?".repeat(349) + "){1000}!1");
                codes(random, "", "a!1");
            }
            default -> throw new IllegalArgumentException(workload);
        }
    }

    private void define(int count, IntFunction<String> pattern) {
        int rejected = 0;
        for (int i = 0; i < count; i++) {
            String id = "pc-" + i;
            PromoCode definition = PromoCode.newBuilder().setPromoCodeId(id).setProgramId(PROGRAM)
                    .setCode(pattern.apply(i)).setPartnerId("blog").setMatchType(MatchType.REGEX)
                    .setCreditPolicy(CreditPolicy.ALWAYS).build();
            try {
                index.put(id, CodeDefinitions.from(definition));
            } catch (InvalidRecordException e) {
                rejected++;
                System.out.println(workload + ": " + e.reason() + ": " + e.getMessage());
            }
        }
        System.out.printf("%s: %d definitions kept, %d rejected, %d bytes of automata (%d per definition), %d without"
                        + " automaton%n", workload, index.size(), rejected, index.memoryBytes(),
                index.size() == 0 ? 0 : index.memoryBytes() / index.size(), index.definitionsWithoutAutomaton());
    }

    private void codes(Random random, String prefix, String alphabet) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < CODES) {
            StringBuilder code = new StringBuilder(CODE_LENGTH).append(prefix);
            while (code.length() < CODE_LENGTH) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            codes.add(code.toString());
        }
        order.addAll(codes);
    }

    /** Rule 4 on the whole order. */
    @Benchmark
    public MatchResult matchOrder() {
        return index.match(PROGRAM, order, T);
    }
}
