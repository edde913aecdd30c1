package org.promoattribution.streams;

import org.promoattribution.schemas.ConversionAdjustment;

/** What reaches the decision ledger on a conversion's partition: a decision, or an adjustment. */
sealed interface LedgerInput {

    /** @param transfer a {@link DecisionTransfer}, as encoded on the session's partition */
    record Decided(byte[] transfer) implements LedgerInput {
    }

    record Adjusted(ConversionAdjustment adjustment) implements LedgerInput {
    }
}
