package org.promoattribution.admin;

import java.util.List;

/** The columns of a promo-code CSV file: the fields of the "Create a Promo Code" form. */
enum CsvColumn implements SheetColumn {
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

    private final Heading heading;

    CsvColumn(String header, boolean required) {
        heading = new Heading(header, required, List.of());
    }

    @Override
    public Heading heading() {
        return heading;
    }
}
