package org.promoattribution.admin;

import java.util.List;

/**
 * The columns of a commission-terms CSV file, named as a programme manager writes a contract
 * sheet; each also answers to the other names people give it ("Terms ID" or "termsId", "Rate %"
 * or "Commission rate").
 */
enum TermsColumn implements SheetColumn {
    TERMS_ID("Terms ID", true, "terms", "id", "contract", "contract id"),
    PROGRAM("Program", true, "program id", "programme", "programme id"),
    PARTNER("Partner", false, "partner id", "affiliate", "affiliate id", "publisher"),
    VALID_FROM("Valid from", false, "from", "start", "start date", "start date-time", "starts", "effective from"),
    VALID_TO("Valid to", false, "to", "until", "valid until", "end", "end date", "end date-time", "ends"),
    TIME_ZONE("Time zone", false, "timezone", "zone", "tz"),
    REFERRAL_WINDOW("Referral window", false, "window", "cookie window", "cookie duration", "cookie days",
            "attribution window"),
    RATE("Rate %", false, "rate percent", "commission rate", "commission", "percent", "percentage"),
    FLAT("Flat", false, "flat fee", "flat amount", "fixed", "fixed fee", "per order", "bounty"),
    CODE_RATES("Code rates", false, "promo code rates", "code rate", "promo code rate"),
    CATEGORY_RATES("Category rates", false, "category rate", "categories");

    private final Heading heading;

    TermsColumn(String header, boolean required, String... aliases) {
        heading = new Heading(header, required, List.of(aliases));
    }

    @Override
    public Heading heading() {
        return heading;
    }
}
