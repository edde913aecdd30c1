package org.promoattribution.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Outcome;

/** The decision ledger's entry: what A1–A6 need, exactly, in few bytes. */
class LedgerEntryTest {
    @Test
    void anEntryReadsBackExactly() {
        for (LedgerEntry entry : new LedgerEntry[] {
                new LedgerEntry(Outcome.CREDITED, "blog", 1_780_000_000_000L, new BigDecimal("59.9000"), false),
                new LedgerEntry(Outcome.INVALID, "partenaire-é", 0L, new BigDecimal("9999999999999999.9999"), true),
                new LedgerEntry(Outcome.UNATTRIBUTED, null, Long.MAX_VALUE, null, false),
                new LedgerEntry(Outcome.CREDITED, "", 5L, new BigDecimal("0.0000"), true)}) {
            assertThat(LedgerEntry.decode(entry.encode())).isEqualTo(entry);
        }
    }

    @Test
    void anEntryTakesAFewBytesMoreThanItsPartnerId() {
        LedgerEntry entry = new LedgerEntry(Outcome.CREDITED, "blog", 1_780_000_000_000L, new BigDecimal("299.9900"), false);
        assertThat(entry.encode().length).isLessThanOrEqualTo(1 + 8 + 2 + 3 + "blog".length());
    }
}
