package org.promoattribution.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.promoattribution.schemas.PromoCode;

/** Promo-code definitions as a plain-text table, with each one's status at a given time. */
public final class CodeListing {
    private static final List<String> HEADERS = List.of("PROMO CODE ID", "PROGRAM", "PARTNER", "CODE", "MATCH",
            "POLICY", "DEAL", "START", "END", "STATUS");

    private final DateTimeFormatter time;

    /** Start and end shown as local date-times of {@code zone}, as the import reads them. */
    public CodeListing(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    public String table(List<PromoCode> codes, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (PromoCode c : codes) {
            rows.add(List.of(c.getPromoCodeId(), c.getProgramId(), c.getPartnerId(), c.getCode(),
                    c.getMatchType().name(), c.getCreditPolicy().name(), orEmpty(c.getDealId()), format(c.getValidFrom()),
                    format(c.getValidTo()), ScheduleStatus.of(c.getValidFrom(), c.getValidTo(), now)));
        }
        return TextTable.format(rows);
    }

    private String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
