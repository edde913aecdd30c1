package org.promoattribution.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.state.LedgerEntry;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.usage.UsageKey;

/** A decision on its way to the ledger: what the transfer carries arrives as it left. */
class DecisionTransferTest {
    @Test
    void aTransferCarriesTheProgramTheEntryTheUsageAndTheWireBytesUntouched() {
        LedgerEntry entry = new LedgerEntry(Outcome.CREDITED, "blog", 1L, new BigDecimal("1.5000"), false, null, null);
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
        LedgerEntry entry = new LedgerEntry(Outcome.UNATTRIBUTED, null, 1L, null, false, null, null);
        byte[] wire = {0, 0, 0, 0, 1};
        DecisionTransfer transfer = DecisionTransfer.decode(DecisionTransfer.encode("p", entry, List.of(), wire));
        assertThat(transfer.usage()).isEmpty();
        assertThat(transfer.wire()).isEqualTo(wire);
    }
}
