package org.promoattribution.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryRatesTest {
    private final CategoryRates rates = new CategoryRates(Map.of(
            "shoes", new BigDecimal("10"), "Shoes", new BigDecimal("99.9999"), "books", new BigDecimal("0")));

    @Test
    void aCategoryHasTheRateWrittenForItExactlyAsWritten() {
        assertThat(rates.get("shoes")).isEqualByComparingTo("10");
        assertThat(rates.get("Shoes")).isEqualByComparingTo("99.9999");
        assertThat(rates.get("books")).isEqualByComparingTo("0");
    }

    @Test
    void anItemWithoutCategoryOrWithAnotherHasNone() {
        assertThat(rates.get(null)).isNull();
        assertThat(rates.get("shoes ")).isNull();
        assertThat(rates.get("toys")).isNull();
    }
}
