package org.promoattribution.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.promoattribution.schemas.ConversionAdjustment;

/** What reaches the decision ledger on a conversion's partition: a decision, or an adjustment. */
sealed interface LedgerInput {

    /** @param transfer a {@link DecisionTransfer}, as encoded on the session's partition */
    record Decided(byte[] transfer) implements LedgerInput {
        /**
         * On the topic from the session's partition to the conversion's: the transfer's bytes, read
         * back as the ledger takes them (no node to wrap them on either side).
         */
        static final Serde<Decided> SERDE = Serdes.serdeFrom((topic, decided) -> decided.transfer(),
                (topic, transfer) -> new Decided(transfer));
    }

    record Adjusted(ConversionAdjustment adjustment) implements LedgerInput {
    }
}
