package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(config.http()).isEqualTo(new HttpSettings("0.0.0.0", 8080, null));
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
                "http.advertised.host", "pod-0.promo-attribution", "explain.retention", "P1D");
        assertThat(config.http()).isEqualTo(new HttpSettings("127.0.0.1", 0, "pod-0.promo-attribution"));
        assertThat(config.explainRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(config.streams().stringPropertyNames()).noneMatch(k -> k.startsWith("http.") || k.startsWith("explain."));
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertThatThrownBy(() -> config("http.port", "80000")).hasMessage(
                "http.port must be a port number from 0 to 65535: 80000");
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
