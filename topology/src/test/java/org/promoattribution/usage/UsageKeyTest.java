package org.promoattribution.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The key of promo-code-usage: readable, and read back whatever the promoCodeId holds. */
class UsageKeyTest {
    @Test
    void keyIsPromoCodeIdBarDayAndReadsBack() {
        UsageKey key = new UsageKey("pc|1", LocalDate.parse("2026-06-01"));
        assertThat(key.topicKey()).isEqualTo("pc|1|2026-06-01");
        assertThat(UsageKey.parse(key.topicKey())).isEqualTo(key);
    }

    @Test
    void aKeyOfAnotherShapeIsRefused() {
        assertThatThrownBy(() -> UsageKey.parse("pc-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsageKey.parse("pc-1-2026-06-01")).isInstanceOf(IllegalArgumentException.class);
    }
}
