package org.promoattribution.streams;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.promoattribution.usage.UsageContribution;

/**
 * A record the decision ledger writes, already encoded for its topic: a decision for its outcome
 * topic, with the usage contributions of that decision, or an adjustment's decision (no usage).
 */
record LedgerOutput(String topic, byte[] value, List<UsageContribution> usage) {
    /** Writes the encoded value; nothing reads these records back inside the topology. */
    static final Serde<LedgerOutput> SERDE = Serdes.serdeFrom((topic, output) -> output.value(), (topic, bytes) -> {
        throw new UnsupportedOperationException("ledger output is never read back");
    });
}
