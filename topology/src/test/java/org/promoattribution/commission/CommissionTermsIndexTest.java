package org.promoattribution.commission;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.promoattribution.codes.Schedule;
import org.promoattribution.config.TermsTableSettings;
import org.promoattribution.testing.LoggedLines;

/** The index's heap estimate, kept on every change, and its budget (SPEC "Limits"; README "How it works"). */
class CommissionTermsIndexTest {
    private static final Rate FIVE = new Rate(new BigDecimal("5"), BigDecimal.ZERO);

    private final CommissionTermsIndex index = new CommissionTermsIndex(new TermsTableSettings(Long.MAX_VALUE));
    @RegisterExtension
    final LoggedLines logged = new LoggedLines(CommissionTermsIndex.class);

    private static Terms terms(String termsId, String partnerId, int rates, int keyLength) {
        Map<String, Rate> codeRates = new HashMap<>();
        Map<String, BigDecimal> categoryRates = new HashMap<>();
        for (int i = 0; i < rates; i++) {
            codeRates.put(key("c" + i, keyLength), new Rate(new BigDecimal("12.5"), new BigDecimal("1.25")));
            categoryRates.put(key("k" + i, keyLength), new BigDecimal("10"));
        }
        return new Terms(termsId, "acme", partnerId, Schedule.ALWAYS_LIVE, null, FIVE, codeRates, categoryRates);
    }

    private static String key(String prefix, int length) {
        return prefix + "x".repeat(length - prefix.length());
    }

    @Test
    void theEstimateGrowsWithRatesAndKeysAsTheirStringsAndArraysDo() {
        long none = terms("t-1", "blog", 0, 16).bytes();
        long thousandShort = terms("t-1", "blog", 1_000, 16).bytes();
        long thousandLong = terms("t-1", "blog", 1_000, 256).bytes();

        // per code and category rate: a 16-character key is 56 bytes (String and array), 296 at 256 characters;
        // beside it a reference and an int (both), a long and a short (code rates)
        assertThat(thousandShort - none).isBetween(1_000L * (2 * 56 + 2 * 8 + 10), 1_000L * (2 * 56 + 2 * 8 + 10) + 200);
        assertThat(thousandLong - thousandShort).isEqualTo(2_000L * (296 - 56));
        // a key outside Latin-1 takes two bytes a character
        assertThat(terms("t-1", "blog", 1, 16).bytes() - terms("t-1", "blog", 0, 16).bytes())
                .isLessThan(new Terms("t-1", "acme", "blog", Schedule.ALWAYS_LIVE, null, FIVE,
                        Map.of("\u20ac" + "x".repeat(15), FIVE), Map.of("k" + "x".repeat(15), BigDecimal.TEN)).bytes()
                        - terms("t-1", "blog", 0, 16).bytes());
    }

    @Test
    void theIndexHoldsTheSumOfItsTermsAndGivesBackWhatAReplacedOrDeletedTermsHeld() {
        assertThat(index.memoryBytes()).isZero();

        index.put("t-1", terms("t-1", "blog", 10, 16));
        long one = index.memoryBytes();
        index.put("t-2", terms("t-2", "news", 1_000, 256));
        long two = index.memoryBytes();
        assertThat(two - one).isGreaterThan(terms("t-2", "news", 1_000, 256).bytes());

        index.put("t-2", terms("t-2", "news", 10, 16)); // replaced: the old one's heap is given back
        assertThat(index.memoryBytes()).isEqualTo(2 * one); // t-2 now the same size as t-1
        index.remove("t-2");
        assertThat(index.memoryBytes()).isEqualTo(one);
        index.remove("t-1");
        assertThat(index.memoryBytes()).isZero();
        index.remove("t-1"); // a tombstone for terms already gone changes nothing
        assertThat(index.memoryBytes()).isZero();
    }

    @Test
    void pastItsBudgetTheIndexSaysHowMuchOverAndStillGivesEveryTermsBack_withinAgainOnceTermsAreDeleted() {
        CommissionTermsIndex small = new CommissionTermsIndex(new TermsTableSettings(3_000));
        small.put("t-1", terms("t-1", "blog", 1, 16));
        assertThat(small.overBudget()).isEmpty();

        small.put("t-2", terms("t-2", "news", 20, 16));
        small.put("t-3", terms("t-3", "shop", 1, 16));

        long held = small.memoryBytes();
        assertThat(logged.list()).as("one ERROR line as it crosses, none for the terms after").singleElement()
                .satisfies(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                    assertThat(event.getFormattedMessage()).startsWith("commission terms over their memory budget"
                            + " (terms.memory.bytes = 3000): ").contains("once terms t-2 of program acme arrived");
                });
        assertThat(held).isGreaterThan(3_000);
        assertThat(small.overBudget()).contains("commission terms over terms.memory.bytes (" + held + " of 3000 bytes, "
                + (held - 3_000) + " over): every terms still applies; the heap may run out");
        Instant t = Instant.parse("2026-06-01T10:00:00Z");
        assertThat(small.program("acme").inForce("news", t).codeRates().get("c19xxxxxxxxxxxxx").rate())
                .isEqualByComparingTo("12.5");
        assertThat(small.program("acme").inForce("blog", t).termsId()).isEqualTo("t-1");
        assertThat(small.program("acme").inForce("shop", t).termsId()).isEqualTo("t-3");

        small.remove("t-2");
        assertThat(small.overBudget()).isEmpty();
        assertThat(logged.list()).last().satisfies(event -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
    }
}
