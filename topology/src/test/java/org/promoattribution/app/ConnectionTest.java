package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    @Test
    void theRegistryUrlPrintedAtStartShowsNoCredentials() {
        String printed = Connection.printableRegistryUrl(Map.of("schema.registry.url",
                "https://attribution:hunter2@registry-1.example.com,https://attribution:hunter2@registry-2.example.com"));

        assertThat(printed).isEqualTo("https://******@registry-1.example.com,https://******@registry-2.example.com");
    }

    @Test
    void aUrlWithoutCredentialsIsPrintedAsItIs() {
        assertThat(Connection.printableRegistryUrl(Map.of("schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7")))
                .isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
    }
}
