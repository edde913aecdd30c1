package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The settings of the HTTP endpoints, health and explain. */
class AttributionConfigOpsTest {

    private static AttributionConfig config(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return AttributionConfig.from(props);
    }

    @Test
    void defaults() {
        AttributionConfig config = config();
        assertThat(config.http()).isEqualTo(new HttpSettings("0.0.0.0", 8080, null, Duration.ofSeconds(10), 16,
                new HttpAuthSettings(null, null, false)));
        assertThat(config.explainRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.health()).isEqualTo(new HealthSettings(Duration.ofSeconds(30), 5, Duration.ofMinutes(10)));
    }

    @Test
    void healthSettingsAreReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("health.failure.quiet.period", "PT5S", "health.crash.loop.failures", "3",
                "health.crash.loop.window", "PT1M");
        assertThat(config.health()).isEqualTo(new HealthSettings(Duration.ofSeconds(5), 3, Duration.ofMinutes(1)));
        assertThat(config.streams().stringPropertyNames()).noneMatch(k -> k.startsWith("health."));
        assertThatThrownBy(() -> config("health.crash.loop.failures", "0")).hasMessage(
                "health.crash.loop.failures must be a positive integer: 0");
    }

    @Test
    void ownSettingsAreReadAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("http.host", "127.0.0.1", "http.port", "0",
                "http.advertised.host", "pod-0.promo-attribution", "explain.retention", "P1D",
                "http.idle.timeout", "PT5S", "http.threads", "8", "http.auth.token.file", "/run/secrets/token",
                "http.auth.metrics", "true");
        assertThat(config.http()).isEqualTo(new HttpSettings("127.0.0.1", 0, "pod-0.promo-attribution",
                Duration.ofSeconds(5), 8, new HttpAuthSettings(null, Path.of("/run/secrets/token"), true)));
        assertThat(config.explainRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(config.streams().stringPropertyNames()).noneMatch(k -> k.startsWith("http.") || k.startsWith("explain."));
    }

    @Test
    void theTokenNeverShowsWhereSettingsArePrinted() {
        AttributionConfig config = config("http.auth.token", "s3cret-token-value");
        assertThat(config.http().auth().token()).isEqualTo("s3cret-token-value");
        assertThat(config.toString()).doesNotContain("s3cret").contains("token=(hidden)");
        assertThat(config.streams().stringPropertyNames()).noneMatch(k -> k.startsWith("http."));
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> config("http.port", "80000")).hasMessage(
                "http.port must be a port number from 0 to 65535: 80000");
        assertThatThrownBy(() -> config("http.threads", "2")).hasMessage(
                "http.threads must be an integer of at least 4: 2");
        assertThatThrownBy(() -> config("http.auth.metrics", "yes")).hasMessage(
                "http.auth.metrics must be true or false: yes");
        assertThatThrownBy(() -> config("explain.retention", "PT0S")).hasMessage(
                "explain.retention must be a positive duration: PT0S");
    }

    @Test
    void aDerivedStreamsSettingYieldsToAConfiguredOne() {
        String key = StreamsConfig.APPLICATION_SERVER_CONFIG;
        assertThat(config().withStreamsDefault(key, "host-a:8080").streams().getProperty(key)).isEqualTo("host-a:8080");
        assertThat(config(key, "lb:9000").withStreamsDefault(key, "host-a:8080").streams().getProperty(key))
                .isEqualTo("lb:9000");
    }
}
