package org.promoattribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.config.Configured.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** How keys are routed: to the owner that declares them, else to Kafka Streams; a typo of ours stops the start. */
class AttributionConfigTest {

    @Test
    void kafkaStreamsAndClientSettingsPassThroughWithOurDefaults() {
        AttributionConfig config = config("num.stream.threads", "2", "session.timeout.ms", "6000",
                "log.level", "DEBUG", "producer.linger.ms", "5");
        assertThat(config.streams()).containsEntry("num.stream.threads", "2").containsEntry("session.timeout.ms", "6000")
                .containsEntry("log.level", "DEBUG").containsEntry("producer.linger.ms", "5")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "promo-attribution")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(config(StreamsConfig.APPLICATION_ID_CONFIG, "mine").streams())
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "mine");
    }

    @Test
    void theProducerRetriesSoonAfterAPreviousCommitsMarkersUnlessItsBackoffsAreConfigured() {
        assertThat(config().streams()).containsEntry("producer.retry.backoff.ms", "20")
                .containsEntry("producer.retry.backoff.max.ms", "100");
        assertThat(config("retry.backoff.ms", "500").streams()).doesNotContainKey("producer.retry.backoff.ms")
                .containsEntry("retry.backoff.ms", "500").containsEntry("producer.retry.backoff.max.ms", "100");
        assertThat(config("producer.retry.backoff.max.ms", "2000").streams())
                .containsEntry("producer.retry.backoff.max.ms", "2000").containsEntry("producer.retry.backoff.ms", "20");
    }

    @Test
    void theDefaultBackoffsReachTheStreamThreadsProducer() {
        StreamsConfig streams = new StreamsConfig(config("bootstrap.servers", "localhost:9092").streams());
        assertThat(streams.getProducerConfigs("client")).containsEntry("retry.backoff.ms", "20")
                .containsEntry("retry.backoff.max.ms", "100");
    }

    @Test
    void anUnknownKeyUnderOurPrefixesIsAnErrorAtStartNamingTheIntendedKey() {
        assertThatThrownBy(() -> config("topic.click", "my-clicks"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown setting topic.click (did you mean topic.clicks?): not a key of the pipeline's, "
                        + "nor one Kafka knows (README, Configuration)");
    }

    @Test
    void everyUnknownKeyIsNamedAndOneFarFromAnyKeyWithoutAGuess() {
        assertThatThrownBy(() -> config("topic.click", "a", "http.colour", "blue", "http.port", "8080"))
                .hasMessage("unknown settings http.colour, topic.click (did you mean topic.clicks?): not a key of "
                        + "the pipeline's, nor one Kafka knows (README, Configuration)");
    }

    @Test
    void aKeyKafkaDoesNotKnowASlipAwayFromOursIsAnErrorToo() {
        assertThatThrownBy(() -> config("referal.window", "P7D"))
                .hasMessageStartingWith("unknown setting referal.window (did you mean referral.window?)");
        assertThatThrownBy(() -> config("lock.periode", "P7D"))
                .hasMessageStartingWith("unknown setting lock.periode (did you mean lock.period?)");
    }


    @Test
    void everyDeclaredKeyIsReadWithoutError() {
        assertThat(declaredNames()).allMatch(name -> AttributionConfig.OWNERS.stream().anyMatch(o ->
                o.declares(name.replace("<programId>", "acme"))));
        AttributionConfig.OWNERS.forEach(owner -> owner.declared().forEach(key ->
                assertThat(key.doc()).as(key.name()).isNotBlank()));
    }

    @Test
    void kafkaStreamsSettingsOfItsInternalTopicsPassThroughBesideOurTopicNames() {
        AttributionConfig config = config("topic.min.insync.replicas", "2", "topic.segment.bytes", "104857600",
                "topic.clicks", "shop-clicks");

        assertThat(config.streams()).containsEntry("topic.min.insync.replicas", "2")
                .containsEntry("topic.segment.bytes", "104857600").doesNotContainKey("topic.clicks");
        assertThat(config.topics().clicks()).isEqualTo("shop-clicks");
        assertThatThrownBy(() -> config("topic.min.insync.replica", "2"))
                .hasMessageStartingWith("unknown setting topic.min.insync.replica");
    }

    @Test
    void noKafkaSettingFallsUnderOurPrefixes() {
        Set<String> kafka = UnknownKeys.kafkaNames();
        assertThat(kafka).contains("state.dir", "state.cleanup.delay.ms", "session.timeout.ms", "rocksdb.config.setter",
                "client.id", "linger.ms", "retries");
        List<String> prefixes = AttributionConfig.OWNERS.stream().flatMap(o -> o.prefixes().stream()).toList();
        // Kafka Streams' internal-topic settings share our topic. prefix; no name of ours is one of them.
        Set<String> internalTopics = UnknownKeys.internalTopicSettings();
        assertThat(kafka).filteredOn(name -> !internalTopics.contains(name))
                .noneMatch(name -> prefixes.stream().anyMatch(name::startsWith));
        assertThat(internalTopics).noneMatch(name -> Topics.KEYS.declares(name));
        // Kafka Streams' client prefixes stay Kafka's.
        List<String> kafkaPrefixes = List.of(StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX,
                StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX,
                StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.CLIENT_TAG_PREFIX);
        assertThat(prefixes).noneMatch(ours -> kafkaPrefixes.stream().anyMatch(k -> ours.startsWith(k) || k.startsWith(ours)));
    }

    @Test
    void readmesSettingsTableNamesEveryDeclaredKeyAndNoOtherOfOurs() throws IOException {
        String configuration = section(Path.of("../README.md"), "## Configuration");
        assertThat(declaredNames()).allMatch(name -> configuration.contains("`" + name + "`"));
        assertThat(tableKeys(configuration)).allMatch(AttributionConfigTest::declaredIfOurs);
    }

    @Test
    void theOperationsGuideNamesNoKeyOfOursThatIsNotDeclared() throws IOException {
        assertThat(tableKeys(section(Path.of("../docs/operations.md"), "## Settings")))
                .isNotEmpty().allMatch(AttributionConfigTest::declaredIfOurs);
    }

    private static String section(Path file, String heading) throws IOException {
        String text = Files.readString(file);
        int start = text.indexOf(heading);
        return text.substring(start, text.indexOf("\n## ", start));
    }

    /** The keys in the first column of the section's tables. */
    private static List<String> tableKeys(String section) {
        return section.lines().filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(1, line.indexOf(" |", 1)))
                .flatMap(cell -> Pattern.compile("`([^`]+)`").matcher(cell).results().map(m -> m.group(1)))
                .toList();
    }

    private static boolean declaredIfOurs(String key) {
        String concrete = key.replace("<programId>", "acme");
        return AttributionConfig.OWNERS.stream().noneMatch(o -> o.covers(concrete))
                || AttributionConfig.OWNERS.stream().anyMatch(o -> o.declares(concrete));
    }

    @Test
    void aDerivedStreamsSettingYieldsToAConfiguredOne() {
        String key = StreamsConfig.APPLICATION_SERVER_CONFIG;
        assertThat(config().withStreamsDefault(key, "host-a:8080").streams().getProperty(key)).isEqualTo("host-a:8080");
        assertThat(config(key, "lb:9000").withStreamsDefault(key, "host-a:8080").streams().getProperty(key))
                .isEqualTo("lb:9000");
    }

    private static List<String> declaredNames() {
        return AttributionConfig.OWNERS.stream().flatMap(OwnedKeys::declared).map(OwnedKeys.Key::name).toList();
    }
}
