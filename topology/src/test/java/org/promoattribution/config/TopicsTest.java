package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import org.junit.jupiter.api.Test;

/** SPEC "Topics": every topic name configurable under topic.*, none of them a Kafka Streams setting. */
class TopicsTest {

    @Test
    void defaultsAreTheTopicsOfSpec() {
        assertThat(config().topics()).isEqualTo(Topics.DEFAULTS);
        assertThat(Topics.DEFAULTS.credited()).isEqualTo("conversions-credited");
    }

    @Test
    void everyTopicIsConfigurableAndNotPassedToKafkaStreams() {
        AttributionConfig config = config("topic.clicks", "a", "topic.conversions", "b", "topic.promo-codes", "c",
                "topic.promo-codes-validated", "d", "topic.credited", "e", "topic.invalid", "f",
                "topic.unattributed", "g", "topic.dlq", "h", "topic.adjustments", "i", "topic.adjusted", "j",
                "topic.promo-code-usage", " k ", "topic.commission-terms", "l", "topic.commission-terms-validated", "m");
        assertThat(config.topics())
                .isEqualTo(new Topics("a", "b", "c", "d", "l", "m", "e", "f", "g", "h", "i", "j", "k"));
        assertThat(config.streams().stringPropertyNames()).noneMatch(k -> k.startsWith(Topics.PREFIX));
    }

    @Test
    void aMistypedTopicKeyIsAnErrorNamingTheIntendedOne() {
        assertThatThrownBy(() -> config("topic.click", "my-clicks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting topic.click (did you mean topic.clicks?)");
    }
}
