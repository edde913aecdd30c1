package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aTransferCarriesTheProgramTheEntryAndTheWireBytesUntouched() {
        LedgerEntry entry = new LedgerEntry(Outcome.CREDITED, "blog", 1L, new BigDecimal("1.5000"), false);
        byte[] wire = "the decision as written".getBytes(StandardCharsets.UTF_8);
        DecisionTransfer transfer = DecisionTransfer.decode(DecisionTransfer.encode("programme-ü", entry, wire));
        assertThat(transfer.programId()).isEqualTo("programme-ü");
        assertThat(transfer.entry()).isEqualTo(entry);
        assertThat(transfer.wire()).isEqualTo(wire);
    }
}
