package org.promoattribution.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;

class SchemaRegistryClientsTest {

    @AfterEach
    void dropScopes() {
        SchemaRegistryClients.dropMockScope("clients-test");
        SchemaRegistryClients.dropMockScope("clients-test-other");
    }

    @Test
    void aMockUrlGivesOneSharedInMemoryClientPerScope() {
        SchemaRegistryClient producerSide = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test"));
        SchemaRegistryClient consumerSide = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test"));
        SchemaRegistryClient otherScope = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test-other"));

        assertThat(producerSide).isInstanceOf(InMemorySchemaRegistryClient.class).isSameAs(consumerSide);
        assertThat(otherScope).isNotSameAs(producerSide);
        int id = producerSide.register("clicks-value", Click.getClassSchema());
        assertThat(consumerSide.schemaById(id)).isEqualTo(Click.getClassSchema());
    }

    @Test
    void droppingAScopeStartsItEmpty() {
        SchemaRegistryClient before = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test"));
        before.register("clicks-value", Click.getClassSchema());

        SchemaRegistryClients.dropMockScope("clients-test");

        SchemaRegistryClient after = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test"));
        assertThat(after).isNotSameAs(before);
        assertThatThrownBy(() -> after.latestVersion("clicks-value")).isInstanceOf(SchemaNotRegisteredException.class);
    }

    @Test
    void anHttpUrlGivesARestClient() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                "schema.registry.url", "http://127.0.0.1:8081", "basic.auth.user.info", "alice:pw"));

        assertThat(client).isInstanceOf(RestSchemaRegistryClient.class);
        assertThat(client.toString()).contains("http://127.0.0.1:8081").doesNotContain(":pw");
    }

    @Test
    void aMockUrlMustStandAlone() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(
                "schema.registry.url", "mock://a,http://b:8081")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void aMissingUrlIsAConfigError() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
