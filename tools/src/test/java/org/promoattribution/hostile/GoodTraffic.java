package org.promoattribution.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.promoattribution.load.CodeTable;
import org.promoattribution.load.TrafficGenerator;
import org.promoattribution.load.TrafficProfile;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.simulate.SimEvent;

/**
 * Realistic traffic from the load generator (codes of every policy and match type, clicks,
 * orders, a few re-deliveries), and the decisions the pipeline makes for it alone, at the same
 * "now": what it must still decide when hostile records are mixed in. The same traffic can be
 * sent again under a prefix of all its ids (programs, sessions, clicks, orders, codes), as
 * traffic of its own beside the earlier copies in one pipeline.
 */
final class GoodTraffic {
    private final List<SimEvent> events;
    private final Map<String, AttributionDecision> decidedAlone;

    private GoodTraffic(List<SimEvent> events, Map<String, AttributionDecision> decidedAlone) {
        this.events = events;
        this.decidedAlone = decidedAlone;
    }

    static GoodTraffic generate(long seed, int clicks, int codes, Instant start, Instant now) {
        TrafficProfile defaults = TrafficProfile.defaults();
        TrafficProfile profile = new TrafficProfile(seed, clicks, codes, 0.3, defaults.regexShare(),
                defaults.scheduledShare(), defaults.policyWeights(), 0.1, defaults.programs(), defaults.partners(),
                start);
        CodeTable table = CodeTable.generate(profile);
        List<SimEvent> events = new ArrayList<>(table.events());
        new TrafficGenerator(profile, table).forEachRemaining(events::add);
        try (HostilePipeline alone = new HostilePipeline(now)) {
            events.forEach(e -> assertThat(alone.pipe(alone.good(e))).isNotEqualTo(HostilePipeline.Fate.DEAD_LETTER));
            assertThat(alone.decisions()).isNotEmpty();
            return new GoodTraffic(List.copyOf(events), Map.copyOf(alone.decisions()));
        }
    }

    /** The events, every id prefixed. */
    List<SimEvent> under(String prefix) {
        return events.stream().map(e -> new SimEvent(e.kind(), e.key() == null ? null : prefix + e.key(),
                e.value() == null ? null : switch (e.kind()) {
                    case CLICK -> {
                        Click c = (Click) e.value();
                        yield Click.newBuilder(c).setClickId(prefix + c.getClickId())
                                .setProgramId(prefix + c.getProgramId()).setSessionId(prefix + c.getSessionId()).build();
                    }
                    case CONVERSION -> {
                        Conversion c = (Conversion) e.value();
                        yield Conversion.newBuilder(c).setConversionId(prefix + c.getConversionId())
                                .setProgramId(prefix + c.getProgramId())
                                .setSessionId(c.getSessionId() == null ? null : prefix + c.getSessionId()).build();
                    }
                    case PROMO_CODE -> {
                        PromoCode p = (PromoCode) e.value();
                        yield PromoCode.newBuilder(p).setPromoCodeId(prefix + p.getPromoCodeId())
                                .setProgramId(prefix + p.getProgramId()).build();
                    }
                    case COMMISSION_TERMS -> throw new UnsupportedOperationException("good traffic has no terms");
                    case ADJUSTMENT -> {
                        ConversionAdjustment a = (ConversionAdjustment) e.value();
                        yield ConversionAdjustment.newBuilder(a).setAdjustmentId(prefix + a.getAdjustmentId())
                                .setConversionId(prefix + a.getConversionId()).setProgramId(prefix + a.getProgramId())
                                .build();
                    }
                })).toList();
    }

    /** The decisions of {@link #under(String)}, by program and conversion id, as decided alone. */
    Map<String, AttributionDecision> decidedAloneUnder(String prefix) {
        Map<String, AttributionDecision> decisions = new TreeMap<>();
        decidedAlone.values().forEach(d -> {
            AttributionDecision renamed = AttributionDecision.newBuilder(d)
                    .setConversionId(prefix + d.getConversionId())
                    .setProgramId(prefix + d.getProgramId())
                    .setSessionId(d.getSessionId() == null ? null : prefix + d.getSessionId())
                    .setPromoCodeId(d.getPromoCodeId() == null ? null : prefix + d.getPromoCodeId())
                    .setClickId(d.getClickId() == null ? null : prefix + d.getClickId())
                    .build();
            decisions.put(HostilePipeline.decisionKey(renamed), renamed);
        });
        return decisions;
    }
}
