package org.promoattribution.ops;

import org.apache.kafka.streams.KafkaStreams.State;
import org.promoattribution.app.LostInput;
import org.promoattribution.app.ThreadFailureWatch;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;

/**
 * What the health endpoints say: the Kafka Streams state, why the instance is not live or not
 * ready (null when it is), and the input it lost (null when none). The rules are the watch's:
 * ready when RUNNING with no stream thread failure in the quiet period; live unless ERROR,
 * PENDING_ERROR, NOT_RUNNING that no one asked for, or in a crash loop. Lost input makes neither
 * DOWN: no restart brings the records back, and the instance processes the rest as it should.
 */
record Health(State state, String notLive, String notReady, String lost, String codeTable,
              String commissionTerms) {

    Health(State state, String notLive, String notReady, String lost) {
        this(state, notLive, notReady, lost, null, null);
    }

    static Health of(ThreadFailureWatch watch, LostInput lostInput, PromoCodeIndex codes, CommissionTermsIndex terms) {
        return new Health(watch.state(), watch.notLive().orElse(null), watch.notReady().orElse(null),
                lostInput.describe().orElse(null), codes.overBudget().orElse(null), terms.overBudget().orElse(null));
    }

    /**
     * Serving, but not as it should: input lost, the code table over its memory budget (matching
     * slower), or the commission terms over theirs (applied still, the heap at risk).
     */
    boolean degraded() {
        return lost != null || codeTable != null || commissionTerms != null;
    }

    boolean live() {
        return notLive == null;
    }

    boolean ready() {
        return notReady == null;
    }
}
