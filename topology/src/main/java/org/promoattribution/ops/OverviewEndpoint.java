package org.promoattribution.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.promoattribution.json.PipelineJson;
import org.promoattribution.metrics.RecentActivity;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.state.CodesInUse;
import org.promoattribution.state.MonthCommission;

/**
 * {@code /overview/data}: what the overview page shows, from this instance's own state: its
 * decisions per outcome per hour and credited orders per partner over the last 24 hours, the dead
 * letters it wrote, the usage figures of its partitions' latest two days (UTC), and the commission
 * per partner of the current UTC month's orders on its partitions of the decision ledger.
 */
final class OverviewEndpoint implements Endpoint {
    static final int TOP_PARTNERS = 10;
    static final int CODES = 50;
    /** Usage figures of the latest day held and the day before. */
    static final int DAYS = 2;
    /** Partners shown with this month's commission: the highest first. */
    static final int COMMISSION_PARTNERS = 50;

    private final KafkaStreams streams;
    private final RecentActivity recent;
    private final Clock clock;
    private final Duration eventTimeMaxAhead;
    private final ObjectMapper json = PipelineJson.mapper();

    OverviewEndpoint(KafkaStreams streams, RecentActivity recent, Clock clock, Duration eventTimeMaxAhead) {
        this.streams = streams;
        this.recent = recent;
        this.clock = clock;
        this.eventTimeMaxAhead = eventTimeMaxAhead;
    }

    @Override
    public Response handle(Request request) {
        if (!request.path().equals(List.of("overview", "data"))) {
            throw new HttpProblem(404, "use /overview or /overview/data");
        }
        RecentActivity.Snapshot snapshot = recent.snapshot(clock.millis());
        ObjectNode body = json.createObjectNode();
        body.put("generatedAt", clock.instant().toString());
        ArrayNode hours = body.putArray("hours");
        snapshot.hours().forEach(h -> {
            ObjectNode hour = hours.addObject().put("hour", h.hour().toString());
            for (Outcome outcome : Outcome.values()) {
                hour.put(outcome.name(), h.decisions().getOrDefault(outcome, 0L));
            }
        });
        ArrayNode partners = body.putArray("topPartners");
        snapshot.topPartners(TOP_PARTNERS).forEach(e -> partners.addObject()
                .put("partnerId", e.getKey()).put("credited", e.getValue()));
        ObjectNode deadLetters = body.putObject("deadLetters");
        snapshot.deadLetters().forEach((reason, n) -> deadLetters.put(reason.name(), n));
        ArrayNode recentDeadLetters = body.putArray("recentDeadLetters");
        snapshot.recentDeadLetters().forEach(d -> recentDeadLetters.addObject().put("at", d.at().toString())
                .put("topic", d.topic()).put("reason", d.reason().name()));
        codes(body.putArray("codes"));
        commission(body.putObject("commission"));
        return Response.json(200, body);
    }

    private void commission(ObjectNode commission) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<MonthCommission.Partner> partners;
        try {
            partners = MonthCommission.of(MonthCommission.ledger(streams), month, eventTimeMaxAhead, COMMISSION_PARTNERS);
        } catch (InvalidStateStoreException e) {
            throw new HttpProblem(503, "this instance's decision ledger cannot be queried now (" + streams.state()
                    + "); try again shortly");
        }
        commission.put("month", month.toString());
        ArrayNode rows = commission.putArray("partners");
        partners.forEach(p -> rows.addObject().put("programId", p.programId()).put("partnerId", p.partnerId())
                .put("credited", p.credited()).put("commission", p.commission().toPlainString()));
    }

    private void codes(ArrayNode codes) {
        List<PromoCodeUsage> figures;
        try {
            figures = CodesInUse.latest(streams, DAYS, CODES);
        } catch (InvalidStateStoreException e) {
            throw new HttpProblem(503, "this instance's usage figures cannot be queried now (" + streams.state()
                    + "); try again shortly");
        }
        figures.forEach(u -> codes.addObject()
                .put("promoCodeId", u.getPromoCodeId()).put("programId", u.getProgramId())
                .put("partnerId", u.getPartnerId()).put("day", u.getDay().toString()).put("uses", u.getUses())
                .put("credited", u.getCredited()).put("invalid", u.getInvalid())
                .put("withoutOwnerClick", u.getWithoutOwnerClick()).put("leaking", u.getLeaking()));
    }
}
