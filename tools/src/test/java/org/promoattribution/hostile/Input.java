package org.promoattribution.hostile;

import org.promoattribution.config.Topics;

/** The three input topics a hostile record can be written to. */
public enum Input {
    CLICKS, CONVERSIONS, PROMO_CODES;

    public String topic(Topics topics) {
        return switch (this) {
            case CLICKS -> topics.clicks();
            case CONVERSIONS -> topics.conversions();
            case PROMO_CODES -> topics.promoCodes();
        };
    }
}
