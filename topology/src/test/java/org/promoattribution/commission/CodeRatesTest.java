package org.promoattribution.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeRatesTest {

    @Test
    void givesBackEveryRateAndFlatAsWrittenUpToTheLargestDecimal204Flat() {
        CodeRates rates = new CodeRates(Map.of(
                "pc-b", new Rate(new BigDecimal("100"), new BigDecimal("9999999999999999.9999")),
                "pc-a", new Rate(new BigDecimal("0.0001"), new BigDecimal("0")),
                "pc-c", new Rate(new BigDecimal("12.50000"), new BigDecimal("922337203685477.5808"))));

        assertRate(rates.get("pc-b"), "100", "9999999999999999.9999");
        assertRate(rates.get("pc-a"), "0.0001", "0");
        assertRate(rates.get("pc-c"), "12.5", "922337203685477.5808");
        assertThat(rates.promoCodeIds()).containsExactly("pc-a", "pc-b", "pc-c");
    }

    @Test
    void aCodeWithoutRateHasNone() {
        CodeRates rates = new CodeRates(Map.of("pc-1", new Rate(BigDecimal.ONE, BigDecimal.ONE)));

        assertThat(rates.get("pc-2")).isNull();
        assertThat(rates.get("PC-1")).isNull();
        assertThat(new CodeRates(Map.of()).get("pc-1")).isNull();
    }

    private static void assertRate(Rate rate, String expectedRate, String expectedFlat) {
        assertThat(rate.rate()).isEqualByComparingTo(expectedRate);
        assertThat(rate.flat()).isEqualByComparingTo(expectedFlat);
    }
}
