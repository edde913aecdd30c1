package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.usage.UsageKey;

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
    void aTransferCarriesTheProgramTheEntryTheUsageAndTheWireBytesUntouched() {
        LedgerEntry entry = new LedgerEntry(Outcome.CREDITED, "blog", 1L, new BigDecimal("1.5000"), false);
        byte[] wire = "the decision as written".getBytes(StandardCharsets.UTF_8);
        List<UsageContribution> usage = List.of(
                UsageContribution.oneUse(new UsageKey("pc-1", LocalDate.of(2026, 6, 1)), "programme-ü", "blog", true,
                        false, false, false),
                UsageContribution.oneUse(new UsageKey("pc-2|x", LocalDate.of(1970, 1, 1)), "programme-ü", "coupons",
                        false, false, true, true));
        DecisionTransfer transfer = DecisionTransfer.decode(
                DecisionTransfer.encode("programme-ü", entry, usage, wire));
        assertThat(transfer.programId()).isEqualTo("programme-ü");
        assertThat(transfer.entry()).isEqualTo(entry);
        assertThat(transfer.usage()).isEqualTo(usage);
        assertThat(transfer.wire()).isEqualTo(wire);
    }

    @Test
    void aTransferWithoutUsageCarriesNone() {
        LedgerEntry entry = new LedgerEntry(Outcome.UNATTRIBUTED, null, 1L, null, false);
        byte[] wire = {0, 0, 0, 0, 1};
        DecisionTransfer transfer = DecisionTransfer.decode(DecisionTransfer.encode("p", entry, List.of(), wire));
        assertThat(transfer.usage()).isEmpty();
        assertThat(transfer.wire()).isEqualTo(wire);
    }
}
