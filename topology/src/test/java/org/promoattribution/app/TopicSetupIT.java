package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.promoattribution.config.Topics;
import org.promoattribution.local.LocalStack;

/**
 * SPEC "Time", nothing lost to retention: the input topics the project creates count retention
 * from arrival, so records stamped with month-old event times (a replay) are kept until processed;
 * existing input topics that would delete them are named at start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicSetupIT {
    private LocalStack stack;
    private Admin admin;

    @BeforeAll
    void start() {
        stack = LocalStack.temporary().start();
        admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()));
    }

    @AfterAll
    void stop() {
        admin.close();
        stack.close();
    }

    private static Topics named(String prefix) {
        Topics d = Topics.DEFAULTS;
        return new Topics(prefix + d.clicks(), prefix + d.conversions(), prefix + d.promoCodes(),
                prefix + d.validatedPromoCodes(), prefix + d.commissionTerms(), prefix + d.validatedCommissionTerms(),
                prefix + d.credited(), prefix + d.invalid(),
                prefix + d.unattributed(), prefix + d.deadLetter(), prefix + d.adjustments(), prefix + d.adjusted(),
                prefix + d.usage());
    }

    @Test
    void inputTopicsCreatedHereKeepAMonthOldRecordByItsArrival() throws Exception {
        Topics topics = named("created-");
        TopicSetup.ensure(admin, topics, 1, (short) 1);
        long monthAgo = Instant.now().minus(Duration.ofDays(30)).toEpochMilli();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.clicks(), null, monthAgo, null, new byte[] {1})).get();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topics.clicks(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            ConsumerRecord<byte[], byte[]> record = consumer.poll(Duration.ofSeconds(10)).iterator().next();
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(record.timestamp()).isGreaterThan(Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli());
        }
        assertThat(TopicSetup.retentionRisks(admin, topics)).isEmpty();
    }

    @Test
    void promoCodeUsageIsCompactedTheLatestFiguresPerKeyBeingTheTruth() throws Exception {
        Topics topics = named("usage-");
        TopicSetup.ensure(admin, topics, 1, (short) 1);
        ConfigResource usage = new ConfigResource(ConfigResource.Type.TOPIC, topics.usage());
        assertThat(admin.describeConfigs(List.of(usage)).all().get().get(usage)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void definitionTablesHaveOnePartition_theOthersAsMany() throws Exception {
        Topics topics = named("partitions-");
        TopicSetup.ensure(admin, topics, 3, (short) 1);
        Map<String, Integer> partitions = new java.util.HashMap<>();
        admin.describeTopics(List.of(topics.promoCodes(), topics.validatedPromoCodes(), topics.commissionTerms(),
                topics.validatedCommissionTerms(), topics.clicks(), topics.usage())).allTopicNames().get()
                .forEach((name, description) -> partitions.put(name, description.partitions().size()));
        assertThat(partitions).containsEntry(topics.promoCodes(), 1).containsEntry(topics.validatedPromoCodes(), 1)
                .containsEntry(topics.commissionTerms(), 1).containsEntry(topics.validatedCommissionTerms(), 1)
                .containsEntry(topics.clicks(), 3).containsEntry(topics.usage(), 3);
    }

    @Test
    void existingInputTopicsThatDeleteByTheProducersTimestampAreNamed() throws Exception {
        Topics topics = named("existing-");
        admin.createTopics(List.of(new NewTopic(topics.clicks(), 1, (short) 1),
                new NewTopic(topics.conversions(), 1, (short) 1).configs(Map.of("retention.ms", "-1")),
                new NewTopic(topics.adjustments(), 1, (short) 1).configs(Map.of("retention.ms", "-1")))).all().get();
        // Created just now: the broker may not know them yet (UnknownTopicOrPartition until its metadata catch up).
        Awaitility.await("the risk named").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .untilAsserted(() -> assertThat(TopicSetup.retentionRisks(admin, topics)).singleElement().asString()
                        .startsWith("topic " + topics.clicks() + " deletes records").contains("LogAppendTime"));
    }
}
