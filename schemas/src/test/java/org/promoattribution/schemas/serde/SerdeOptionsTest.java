package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SerdeOptionsTest {

    @Test
    void defaultsToAutoRegisterWithoutLatestVersion() {
        assertThat(SerdeOptions.fromConfig(Map.of())).isEqualTo(new SerdeOptions(true, false)).isEqualTo(SerdeOptions.DEFAULT);
    }

    @Test
    void readsBooleansAndTheirText() {
        assertThat(SerdeOptions.fromConfig(Map.of("auto.register.schemas", false, "use.latest.version", "TRUE")))
                .isEqualTo(new SerdeOptions(false, true));
        assertThat(SerdeOptions.fromConfig(Map.of("auto.register.schemas", " false ")))
                .isEqualTo(new SerdeOptions(false, false));
    }

    @Test
    void rejectsAnythingElse() {
        assertThatThrownBy(() -> SerdeOptions.fromConfig(Map.of("use.latest.version", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use.latest.version");
    }

    @Test
    void latestVersionWithAutoRegistrationIsRefusedBecauseItWouldBeIgnored() {
        assertThatThrownBy(() -> SerdeOptions.fromConfig(Map.of("use.latest.version", "true")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use.latest.version=true needs auto.register.schemas=false");
    }
}
