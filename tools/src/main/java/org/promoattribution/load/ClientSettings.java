package org.promoattribution.load;

import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.promoattribution.config.AttributionConfig;

/**
 * Producer and consumer settings from the pipeline's one flat set: only the keys each client
 * knows (addresses, security, tuning), so Streams-only keys such as application.id stay out.
 */
public final class ClientSettings {
    private ClientSettings() {
    }

    /** Idempotent, acks=all: a retried send never writes a record twice. */
    public static Properties producer(AttributionConfig config) {
        Properties props = known(config.streams(), ProducerConfig.configNames());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        return props;
    }

    /** read_committed: only what the pipeline's transactions committed. */
    public static Properties consumer(AttributionConfig config) {
        Properties props = known(config.streams(), ConsumerConfig.configNames());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // readers assign partitions themselves and commit nothing
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // a mistyped name must not create a topic
        return props;
    }

    private static Properties known(Properties all, Set<String> names) {
        Properties props = new Properties();
        all.stringPropertyNames().stream().filter(names::contains).forEach(k -> props.put(k, all.getProperty(k)));
        return props;
    }
}
