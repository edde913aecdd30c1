package org.promoattribution.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC "Commission": referralWindow, {@code PnW} alone or {@code PnDTnHnMn.nS}, cut to the millisecond. */
class ReferralWindowTextTest {

    @ParameterizedTest
    @CsvSource({
            "P7D, 604800000",
            "p2w, 1209600000",
            "P1DT2H3M4.5S, 93784500",
            "PT1.0000000001S, 1000",
            "PT0.0010000001S, 1",
            "PT1.1234567890S, 1123",
            "'PT0,25S', 250",
            "PT0.0009S, 0",
            "P0000000007D, 604800000",
            "PT00000000000001H, 3600000",
            "PT00000000000000001S, 1000",
            "P00000001W, 604800000",
            "PT36H, 129600000",
    })
    void readsAnyNumberOfDigitsAndCutsTheFractionToTheMillisecond(String text, long millis) {
        assertThat(ReferralWindowText.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "-P1D", "P-1D", "P1.5D", "PT1.5H", "P", "PT", "P1DT", "P1W2D", "1D", "P 1D",
            "PT1S.5", "P１D"})
    void refusesWhatIsNotAWindowDuration(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ReferralWindowText.parse(text))
                .withMessageContaining("is not an ISO-8601 duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P9999999999999999999D", "P106751991167W", "PT9223372036854775807S"})
    void refusesAWindowBeyondWhatALongHolds(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ReferralWindowText.parse(text))
                .withMessageContaining("is longer than any window");
    }
}
