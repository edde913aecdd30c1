package org.promoattribution.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryConfigTest {

    @Test
    void readsSeveralCommaSeparatedUrlsWithoutTrailingSlashes() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", " http://a:8081/ ,https://b.example/apis/ccompat/v7/"));

        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"),
                URI.create("https://b.example/apis/ccompat/v7"));
        assertThat(config.credentials()).isEmpty();
    }

    @Test
    void acceptsAListOfUrlsAsKafkaConfigsDo() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", List.of("http://a:8081", "http://b:8081")));

        assertThat(config.urls()).hasSize(2);
    }

    @Test
    void defaultsAreShortAndBounded() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.of("http://a:8081");

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxRetries()).isEqualTo(10);
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
        // One call, retries included, stays well within Kafka Streams' max.poll.interval.ms (5 minutes).
        assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.tls().isJvmDefault()).isTrue();
    }

    @Test
    void readsTimeoutsAndRetriesFromConfluentKeys() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081",
                "http.connect.timeout.ms", "1500",
                "http.read.timeout.ms", 2500,
                "max.retries", "0",
                "retries.wait.ms", 10L,
                "retries.max.wait.ms", "40",
                "schema.registry.call.timeout.ms", "7000"));

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.maxRetries()).isZero();
        assertThat(config.retryBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.maxRetryBackoff()).isEqualTo(Duration.ofMillis(40));
        assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void rejectsBadNumbers() {
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081", "max.retries", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max.retries");
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081", "http.read.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.read.timeout.ms");
    }

    @Test
    void userInfoSourceReadsUserAndSecretSplitAtTheFirstColon() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "alice:pa:ss"));

        assertThat(config.credentials()).contains(new BasicAuthCredentials("alice", "pa:ss"));
    }

    @Test
    void userInfoMayComeAsAKafkaPasswordOrUnderTheSchemaRegistryPrefix() {
        assertThat(RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", new Password("alice:pw"))).credentials())
                .contains(new BasicAuthCredentials("alice", "pw"));
        assertThat(RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "carol:pw")).credentials())
                .contains(new BasicAuthCredentials("carol", "pw"));
    }

    @Test
    void aSetUserInfoIsUsedWhenNoSourceIsGiven() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081", "basic.auth.user.info", "alice:pw"));

        assertThat(config.credentials()).contains(new BasicAuthCredentials("alice", "pw"));
    }

    @Test
    void urlSourceTakesTheCredentialsOutOfTheUrls() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://alice:p%40ss@a:8081,http://alice:p%40ss@b:8081",
                "basic.auth.credentials.source", "URL"));

        assertThat(config.credentials()).contains(new BasicAuthCredentials("alice", "p@ss"));
        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
    }

    @Test
    void userInfoSourceIgnoresButStripsCredentialsInUrls() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://token@a:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "alice:pw"));

        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"));
        assertThat(config.credentials()).contains(new BasicAuthCredentials("alice", "pw"));
    }

    @Test
    void rejectsUrlsCarryingDifferentCredentials() {
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://alice:one@a:8081,http://b:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("different credentials")
                .hasMessageNotContaining("one");
    }

    @Test
    void configErrorsNeverEchoTheSecret() {
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "TopSecretWithoutColon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("TopSecret");
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "ftp://alice:TopSecret@a:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("TopSecret");
    }

    @Test
    void rejectsMissingUrlUnknownSourceAndMissingUserInfo() {
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SASL_INHERIT");
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "a:8081")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http");
    }

    @Test
    void toStringMasksTheSecret() {
        RestSchemaRegistryConfig config = RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", "http://alice:hunter2@a:8081"));

        assertThat(config.toString()).contains("http://a:8081").contains("alice").doesNotContain("hunter2");
        assertThat(config.credentials().orElseThrow().toString()).isEqualTo("alice:******");
    }

    @Test
    void credentialsMustNotHideInTheUrlsOfAHandBuiltConfig() {
        assertThatThrownBy(() -> new RestSchemaRegistryConfig(List.of(URI.create("http://u:p@a:8081")),
                Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), RegistryTls.JVM_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
