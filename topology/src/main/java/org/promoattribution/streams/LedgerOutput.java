package org.promoattribution.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A record the decision ledger writes, already encoded for its topic: a decision for its outcome
 * topic, or an adjustment's decision.
 */
record LedgerOutput(String topic, byte[] value) {
    /** Writes the encoded value; nothing reads these records back inside the topology. */
    static final Serde<LedgerOutput> SERDE = Serdes.serdeFrom((topic, output) -> output.value(), (topic, bytes) -> {
        throw new UnsupportedOperationException("ledger output is never read back");
    });
}
