package org.promoattribution.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a promo-code CSV file: the fields of the "Create a Promo Code" form. Headers
 * are matched ignoring case, spaces and punctuation ("Credit policy", "credit_policy").
 */
enum CsvColumn {
    PROMO_CODE_ID("promoCodeId", true),
    PROGRAM_ID("programId", true),
    PARTNER("partner", true),
    CODE("code", true),
    CREDIT_POLICY("credit policy", true),
    MATCH_TYPE("match type", true),
    DEAL("deal", false),
    COMMENTS("comments", false),
    EMAIL("email", false),
    START("start date-time", false),
    END("end date-time", false),
    TIME_ZONE("time zone", false);

    private final String header;
    private final boolean required;

    CsvColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    static Optional<CsvColumn> of(String header) {
        String wanted = normalized(header);
        return Arrays.stream(values()).filter(c -> normalized(c.header).equals(wanted)).findFirst();
    }

    private static String normalized(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
