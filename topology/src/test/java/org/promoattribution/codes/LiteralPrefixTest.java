package org.promoattribution.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralPrefixTest {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = ';', value = {
            "SUMMER[0-9]+;SUMMER",
            "SUMMER;SUMMER",
            "AB*C;A",
            "AB?C;A",
            "AB{2}C;A",
            "AB+C;AB",
            "A.C;A",
            "(SUMMER)10;''",
            "^SUMMER;''",
            "SUM|WIN;''",
            "AB\\dC;AB",
            "(?i)summer;''",
            "\uD83D\uDE00*X;''"
    })
    void prefixIsTextEveryMatchStartsWith(String pattern, String prefix) {
        assertThat(LiteralPrefix.of(pattern)).isEqualTo(prefix);
    }
}
