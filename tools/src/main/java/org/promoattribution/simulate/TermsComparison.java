package org.promoattribution.simulate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.payouts.PayoutLine;

/**
 * The what-if: one stream of events through two simulations side by side. The first sees the
 * events as they are (the terms in force: those the events carry); the second sees the new terms
 * first, and none of the events' own updates of the terms the new ones name, so the new terms hold
 * for the whole period while every other terms update keeps its place. Both sum their decisions'
 * commission as payouts do (SPEC C5), after every adjustment.
 */
public final class TermsComparison implements AutoCloseable {
    private final Side now;
    private final Side proposed;
    private final Set<String> replaced;
    private long rejected;
    private String firstRejection;

    private record Partner(String programId, String partnerId) implements Comparable<Partner> {
        private static final Comparator<Partner> ORDER = Comparator.comparing(Partner::programId)
                .thenComparing(Partner::partnerId);

        @Override
        public int compareTo(Partner other) {
            return ORDER.compare(this, other);
        }
    }

    /** One simulation, and its commission and credited orders per (programId, partnerId) over every month. */
    private static final class Side implements AutoCloseable {
        private final Simulator simulator;

        Side(Properties settings, Instant clock) {
            simulator = new Simulator(settings, new AttributionMetrics(new SimpleMeterRegistry()), clock);
        }

        Simulator.Step send(SimEvent event) {
            return simulator.send(event);
        }

        Map<Partner, PayoutLine> totals() {
            simulator.finish();
            return PayoutTotals.by(simulator.payouts(), line -> new Partner(line.programId(), line.partnerId()));
        }

        @Override
        public void close() {
            simulator.close();
        }
    }

    /** @param newTerms commission-terms events (updates or deletes), each checked already */
    public TermsComparison(Properties settings, Instant clock, List<SimEvent> newTerms) {
        this.now = new Side(settings, clock);
        this.proposed = new Side(settings, clock);
        this.replaced = newTerms.stream().map(SimEvent::key).collect(Collectors.toSet());
        newTerms.forEach(proposed::send);
    }

    public void send(SimEvent event) {
        Simulator.Step step = now.send(event);
        if (step.rejection() != null && rejected++ == 0) {
            firstRejection = step.rejection();
        }
        if (!(event.kind() == SimEvent.Kind.COMMISSION_TERMS && replaced.contains(event.key()))) {
            proposed.send(event);
        }
    }

    /** Events the pipeline would have refused (bad input): they count in neither simulation. */
    public long rejected() {
        return rejected;
    }

    /** The first refused event's reason, null when none was. */
    public String firstRejection() {
        return firstRejection;
    }

    /** Ends both simulations: each partner credited in either, ordered by programId, then partnerId. */
    public List<PartnerCommission> finish() {
        Map<Partner, PayoutLine> before = now.totals();
        Map<Partner, PayoutLine> after = proposed.totals();
        Set<Partner> partners = new TreeSet<>(before.keySet());
        partners.addAll(after.keySet());
        List<PartnerCommission> compared = new ArrayList<>();
        for (Partner partner : partners) {
            PayoutLine was = before.get(partner);
            PayoutLine will = after.get(partner);
            compared.add(new PartnerCommission(partner.programId(), partner.partnerId(),
                    was == null ? 0 : was.credited(), will == null ? 0 : will.credited(),
                    was == null ? BigDecimal.ZERO : was.commission(), will == null ? BigDecimal.ZERO : will.commission()));
        }
        return compared;
    }

    @Override
    public void close() {
        try {
            now.close();
        } finally {
            proposed.close();
        }
    }
}
