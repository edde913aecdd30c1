package org.promoattribution.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;

/**
 * The promo codes a shopper types at checkout: none to three, mostly codes of the table (often
 * one of a partner the shopper came from), typed as shoppers do: in other case, with spaces, and
 * some that match nothing (made up, or a personal code typed in lower case).
 */
final class Checkout {
    private static final List<String> MADE_UP = List.of("FREESHIP", "EXTRA", "LOYAL", "NEWYEAR", "STUDENT", "TRYME");

    private final CodeTable table;
    private final Random random;

    Checkout(CodeTable table, Random random) {
        this.table = table;
        this.random = random;
    }

    /** The codes typed on one order of {@code programId} by a shopper who came from {@code partners}. */
    List<String> typedCodes(String programId, List<String> partners) {
        int roll = random.nextInt(100);
        int count = roll < 45 ? 0 : roll < 80 ? 1 : roll < 95 ? 2 : 3;
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PromoCode code = pick(programId, partners);
            codes.add(code == null ? madeUp() : typed(code));
        }
        return codes;
    }

    /** A code of the program, often one of a partner of the session; null for a made-up one. */
    private PromoCode pick(String programId, List<String> partners) {
        if (random.nextInt(100) < 15) {
            return null;
        }
        if (!partners.isEmpty() && random.nextInt(100) < 60) {
            List<PromoCode> theirs = table.ofPartner(programId, partners.get(random.nextInt(partners.size())));
            if (!theirs.isEmpty()) {
                return theirs.get(random.nextInt(theirs.size()));
            }
        }
        List<PromoCode> all = table.ofProgram(programId);
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    private String typed(PromoCode code) {
        int roll = random.nextInt(100);
        if (code.getMatchType() == MatchType.REGEX) {
            String pattern = code.getCode();
            String personal = pattern.substring(0, pattern.length() - CodeTable.REGEX_DIGITS.length())
                    + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
            return roll < 10 ? personal.toLowerCase(Locale.ROOT) : personal; // REGEX is case-sensitive
        }
        String exact = code.getCode();
        if (roll < 50) {
            return exact;
        }
        if (roll < 85) {
            return roll < 70 ? exact.toLowerCase(Locale.ROOT)
                    : exact.charAt(0) + exact.substring(1).toLowerCase(Locale.ROOT);
        }
        return " " + exact.toLowerCase(Locale.ROOT) + " ";
    }

    private String madeUp() {
        return MADE_UP.get(random.nextInt(MADE_UP.size())) + (1 + random.nextInt(50));
    }
}
