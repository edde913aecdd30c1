package org.promoattribution.bench.micro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;

/**
 * Matching one adversarial order within the record limits: 100 distinct codes of 1,000
 * characters against REGEX definitions that pass validation, have no literal prefix (the trie
 * cannot skip them) and match none of the codes only at their last character, so that every code
 * runs every definition over its whole length. {@code workload} is "shape-definitions":
 * {@code class} {@code [A-Z0-9]*!i} (a 5-instruction program, one thread a character),
 * {@code quest100}/{@code quest1000} {@code (?:.?){n}!i} (2n+3 instructions, up to n threads a
 * character), {@code star1000} {@code (?:.*){1000}!i} (1,000 threads every character).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorstCaseMatchBenchmark {
    private static final Map<String, String> SHAPES = Map.of(
            "class", "[A-Z0-9]*", "quest100", "(?:.?){100}", "quest1000", "(?:.?){1000}", "star1000", "(?:.*){1000}");
    private static final int CODES = 100;
    private static final int CODE_LENGTH = 1_000;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String PROGRAM = "acme";
    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    @Param({"class-1", "class-100", "quest100-1", "quest1000-1", "star1000-1"})
    public String workload;

    private final PromoCodeIndex index = new PromoCodeIndex();
    private final List<String> order = new ArrayList<>();

    @Setup
    public void setUp() {
        String shape = SHAPES.get(workload.substring(0, workload.indexOf('-')));
        int definitions = Integer.parseInt(workload.substring(workload.indexOf('-') + 1));
        for (int i = 0; i < definitions; i++) {
            String id = "pc-" + i;
            PromoCode definition = PromoCode.newBuilder().setPromoCodeId(id).setProgramId(PROGRAM).setCode(shape + "!" + i)
                    .setPartnerId("blog").setMatchType(MatchType.REGEX).setCreditPolicy(CreditPolicy.ALWAYS).build();
            index.put(id, CodeDefinitions.from(definition));
        }
        Random random = new Random(42);
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < CODES) {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int c = 0; c < CODE_LENGTH; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        order.addAll(codes);
    }

    /** Rule 4 on the whole order: every code is tried against every definition, and none matches. */
    @Benchmark
    public MatchResult matchOrder() {
        return index.match(PROGRAM, order, T);
    }
}
