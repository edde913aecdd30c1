package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryKeysTest {

    @Test
    void everySecretPrintsMasked() {
        SchemaRegistryKeys.SECRETS.forEach(key ->
                assertThat(SchemaRegistryKeys.printable(key, "hunter2")).as(key).isEqualTo("******"));
        assertThat(SchemaRegistryKeys.SECRETS).contains("basic.auth.user.info", "schema.registry.basic.auth.user.info",
                "schema.registry.ssl.truststore.password", "schema.registry.ssl.keystore.password",
                "schema.registry.ssl.key.password");
    }

    @Test
    void credentialsInEachRegistryUrlPrintMasked() {
        assertThat(SchemaRegistryKeys.printable("schema.registry.url",
                "https://bob:p%40ss@r1.example.com:8081, http://token@r2.example.com/apis/ccompat/v7"))
                .isEqualTo("https://******@r1.example.com:8081, http://******@r2.example.com/apis/ccompat/v7");
    }

    @Test
    void otherSettingsPrintAsTheyAre() {
        assertThat(SchemaRegistryKeys.printable("max.retries", "3")).isEqualTo("3");
        assertThat(SchemaRegistryKeys.printable("schema.registry.ssl.truststore.location", "/etc/t.p12"))
                .isEqualTo("/etc/t.p12");
    }

    @Test
    void aKeyUnderTheRegistryPrefixThatNoOneReadsIsRefusedWithoutItsValue() {
        assertThatThrownBy(() -> SchemaRegistryKeys.requireKnown(List.of("schema.registry.url",
                "schema.registry.ssl.keystore.pasword")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown schema registry setting schema.registry.ssl.keystore.pasword;");
    }
}
