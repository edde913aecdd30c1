package org.promoattribution.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.promoattribution.schemas.PromoCode;

/** Promo-code definitions as a plain-text table, with each one's status at a given time. */
public final class CodeListing extends ScheduleListing<PromoCode> {
    /** Start and end shown as local date-times of {@code zone}, as the import reads them. */
    public CodeListing(ZoneId zone) {
        super(List.of("PROMO CODE ID", "PROGRAM", "PARTNER", "CODE", "MATCH", "POLICY", "DEAL", "START", "END"), zone,
                PromoCode::getValidFrom, PromoCode::getValidTo);
    }

    @Override
    List<String> cells(PromoCode c) {
        return List.of(c.getPromoCodeId(), c.getProgramId(), c.getPartnerId(), c.getCode(), c.getMatchType().name(),
                c.getCreditPolicy().name(), c.getDealId() == null ? "" : c.getDealId(), format(c.getValidFrom()),
                format(c.getValidTo()));
    }
}
