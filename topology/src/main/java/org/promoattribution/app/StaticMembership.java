package org.promoattribution.app;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Static consumer-group membership: an instance restarted under the same {@code group.instance.id}
 * takes its partitions back at once, where a new member would wait for the dead one's session to
 * time out. The id must be stable across restarts and never shared by two live instances (the
 * broker fences the older one): the pod's name in Kubernetes, else an id kept in the data dir,
 * which one instance at a time may hold. Kafka Streams suffixes it with each stream thread's index.
 */
public final class StaticMembership {
    public static final String GROUP_INSTANCE_ID = ConsumerConfig.GROUP_INSTANCE_ID_CONFIG;
    /** Set from the pod's metadata.name through the downward API. */
    static final String POD_NAME = "POD_NAME";
    /** Any pod has this; its HOSTNAME is then the pod's name (stable in a StatefulSet). */
    static final String KUBERNETES = "KUBERNETES_SERVICE_HOST";
    static final String HOSTNAME = "HOSTNAME";

    private StaticMembership() {
    }

    /**
     * The id to set, or empty when {@code group.instance.id} is configured (the operator named it)
     * or the group uses the streams rebalance protocol (which has no static membership).
     */
    static Optional<String> instanceId(Properties configured, Map<String, String> env, Supplier<String> persisted) {
        if (configured.getProperty(GROUP_INSTANCE_ID) != null
                || "streams".equalsIgnoreCase(configured.getProperty(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "").trim())) {
            return Optional.empty();
        }
        if (present(env.get(POD_NAME))) {
            return Optional.of(env.get(POD_NAME).trim());
        }
        if (present(env.get(KUBERNETES)) && present(env.get(HOSTNAME))) {
            return Optional.of(env.get(HOSTNAME).trim());
        }
        return Optional.of(persisted.get());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
