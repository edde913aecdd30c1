package org.promoattribution.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Outcome;

/** The decision ledger's entry: what A1–A6 need, exactly, in few bytes. */
class LedgerEntryTest {
    @Test
    void anEntryReadsBackExactly() {
        for (LedgerEntry entry : new LedgerEntry[] {
                new LedgerEntry(Outcome.CREDITED, "blog", 1_780_000_000_000L, new BigDecimal("59.9000"), false, null, null),
                new LedgerEntry(Outcome.INVALID, "partenaire-é", 0L, new BigDecimal("9999999999999999.9999"), true, null, null),
                new LedgerEntry(Outcome.UNATTRIBUTED, null, Long.MAX_VALUE, null, false, null, null),
                new LedgerEntry(Outcome.CREDITED, "", 5L, new BigDecimal("0.0000"), true, null, null)}) {
            assertThat(LedgerEntry.decode(entry.encode())).isEqualTo(entry);
        }
    }

    @Test
    void anEntryTakesAFewBytesMoreThanItsPartnerId() {
        LedgerEntry entry = new LedgerEntry(Outcome.CREDITED, "blog", 1_780_000_000_000L, new BigDecimal("299.9900"),
                false, null, null);
        assertThat(entry.encode().length).isLessThanOrEqualTo(1 + 8 + 2 + 3 + "blog".length());
    }

    @Test
    void aCommissionAndItsFlatPartSurviveAndCostAFewBytes() {
        LedgerEntry entry = new LedgerEntry(Outcome.CREDITED, "blog", 1_780_000_000_000L, new BigDecimal("299.9900"),
                false, new BigDecimal("24.9992"), new BigDecimal("1.0000"));

        assertThat(LedgerEntry.decode(entry.encode())).isEqualTo(entry);
        assertThat(entry.encode().length).isLessThanOrEqualTo(1 + 8 + 2 + 3 + 2 + 3 + 2 + "blog".length());
    }

    @Test
    void anEntryWrittenBeforeCommissionsExistedReadsWithoutOne() {
        // The second edition's layout: flags (CREDITED, has partner, has amount), time, amount scale,
        // digit count, digits, partner.
        byte[] digits = BigInteger.valueOf(299_900).toByteArray();
        byte[] secondEdition = ByteBuffer.allocate(1 + 8 + 2 + digits.length + 4).put((byte) 0b1_1000)
                .putLong(1_780_000_000_000L).put((byte) 4).put((byte) digits.length).put(digits)
                .put("blog".getBytes(StandardCharsets.UTF_8)).array();

        LedgerEntry read = LedgerEntry.decode(secondEdition);

        assertThat(read.partnerId()).isEqualTo("blog");
        assertThat(read.amount()).isEqualByComparingTo("29.9900");
        assertThat(read.commission()).isNull();
        assertThat(read.flat()).isNull();
    }
}
