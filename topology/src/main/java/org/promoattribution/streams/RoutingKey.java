package org.promoattribution.streams;

import org.promoattribution.rule.Sessions;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;

/**
 * The partition key of each input event, for the topology and for whatever produces to it: a session's
 * clicks and conversions meet on its partition (a conversion without a session goes by its own id), and
 * an adjustment goes to its conversion's.
 */
public final class RoutingKey {
    private RoutingKey() {
    }

    public static String of(Click click) {
        return click.getSessionId();
    }

    public static String of(Conversion conversion) {
        String session = conversion.getSessionId();
        return Sessions.given(session) ? session : conversion.getConversionId();
    }

    public static String of(ConversionAdjustment adjustment) {
        return adjustment.getConversionId();
    }
}
