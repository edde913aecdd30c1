package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.serde.SchemaRegistryKeys;

/** The registry client's settings, as it declares them, reach it and not Kafka Streams. */
class AttributionConfigRegistryTest {

    @Test
    void everyKeyTheRegistryClientDeclaresReachesItAndNotKafkaStreams() {
        Properties props = new Properties();
        SchemaRegistryKeys.ALL.forEach(key -> props.setProperty(key, "value of " + key));
        props.setProperty("num.stream.threads", "2");

        AttributionConfig config = AttributionConfig.from(props);

        assertThat(config.registry().keySet()).containsExactlyInAnyOrderElementsOf(SchemaRegistryKeys.ALL);
        SchemaRegistryKeys.ALL.forEach(key -> assertThat(config.registry()).containsEntry(key, "value of " + key));
        assertThat(config.streams().stringPropertyNames()).doesNotContainAnyElementsOf(SchemaRegistryKeys.ALL)
                .contains("num.stream.threads");
    }

    @Test
    void theClientsRetriesAndTimeoutsAreAmongThem() {
        // Named by Confluent without the registry prefix: once forwarded to Kafka Streams, and lost.
        assertThat(SchemaRegistryKeys.ALL).contains("max.retries", "retries.wait.ms", "retries.max.wait.ms",
                "http.connect.timeout.ms", "http.read.timeout.ms", "schema.registry.ssl.truststore.location",
                "schema.registry.ssl.keystore.location", "schema.registry.ssl.key.password");
    }

    @Test
    void noKeyOfTheRegistryIsAlsoOneOfOurOwners() {
        // http.connect.timeout.ms and http.read.timeout.ms are the registry client's (Confluent's names),
        // under the HTTP server's prefix: they reach the registry and are no typo.
        assertThat(SchemaRegistryKeys.ALL).noneMatch(key -> AttributionConfig.OWNERS.stream().anyMatch(o -> o.declares(key)));
        assertThat(Configured.config("http.read.timeout.ms", "2000").registry())
                .containsEntry("http.read.timeout.ms", "2000");
    }

    @Test
    void kafkasOwnTlsSettingsStayWithKafka() {
        Properties props = new Properties();
        props.setProperty("ssl.truststore.location", "/etc/kafka/truststore.p12");

        AttributionConfig config = AttributionConfig.from(props);

        assertThat(config.streams().getProperty("ssl.truststore.location")).isEqualTo("/etc/kafka/truststore.p12");
        assertThat(config.registry()).doesNotContainKey("ssl.truststore.location");
    }

    @Test
    void anUnknownSchemaRegistryKeyIsAnErrorAtStart() {
        Properties props = new Properties();
        props.setProperty("schema.registry.url", "https://registry.example.com");
        props.setProperty("schema.registry.ssl.trustore.location", "/etc/registry/truststore.p12");

        assertThatThrownBy(() -> AttributionConfig.from(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown schema registry setting schema.registry.ssl.trustore.location")
                .hasMessageContaining("schema.registry.ssl.truststore.location");
    }
}
