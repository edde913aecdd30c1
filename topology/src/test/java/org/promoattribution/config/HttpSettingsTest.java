package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where and how an instance serves its HTTP endpoints, and the token of decision data. */
class HttpSettingsTest {

    @Test
    void defaults() {
        assertThat(config().http()).isEqualTo(new HttpSettings("0.0.0.0", 8080, null, Duration.ofSeconds(10), 16,
                new HttpAuthSettings(null, null, false)));
    }

    @Test
    void eachKeyIsReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("http.host", "127.0.0.1", "http.port", "0",
                "http.advertised.host", "pod-0.promo-attribution", "http.idle.timeout", "PT5S", "http.threads", "8",
                "http.auth.token.file", "/run/secrets/token", "http.auth.metrics", "TRUE");
        assertThat(config.http()).isEqualTo(new HttpSettings("127.0.0.1", 0, "pod-0.promo-attribution",
                Duration.ofSeconds(5), 8, new HttpAuthSettings(null, Path.of("/run/secrets/token"), true)));
        assertThat(config.streams().stringPropertyNames()).noneMatch(HttpSettings.KEYS::covers);
    }

    @Test
    void aBlankTokenOrTokenFileIsNone() {
        assertThat(config("http.auth.token", " ", "http.auth.token.file", "").http().auth())
                .isEqualTo(new HttpAuthSettings(null, null, false));
    }

    @Test
    void theTokenNeverShowsWhereSettingsArePrinted() {
        AttributionConfig config = config("http.auth.token", "s3cret-token-value");
        assertThat(config.http().auth().token()).isEqualTo("s3cret-token-value");
        assertThat(config.toString()).doesNotContain("s3cret").contains("token=(hidden)");
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> config("http.port", "80000")).hasMessage(
                "http.port must be a port number from 0 to 65535: 80000");
        assertThatThrownBy(() -> config("http.threads", "2")).hasMessage(
                "http.threads must be an integer of at least 4: 2");
        assertThatThrownBy(() -> config("http.auth.metrics", "yes")).hasMessage(
                "http.auth.metrics must be true or false: yes");
        assertThatThrownBy(() -> config("http.idle.timeout", "PT0S")).hasMessage(
                "http.idle.timeout must be a positive duration: PT0S");
    }

    @Test
    void aMistypedHttpKeyIsAnErrorNamingTheIntendedOne() {
        assertThatThrownBy(() -> config("http.prot", "8081")).hasMessageContaining(
                "unknown setting http.prot (did you mean http.port?)");
    }
}
