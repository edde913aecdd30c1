package org.promoattribution.app;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.commission.CommissionTermsIndex;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.AttributionTopology;

/** One running instance of the pipeline: the topology in a KafkaStreams, with its metrics bound. */
public final class AttributionApp implements AutoCloseable {
    /** How long a start waits for the broker to name this instance's leftover members, at most. */
    private static final Duration LEFTOVERS_WAIT = Duration.ofSeconds(5);
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final PromoCodeIndex index;
    private final CommissionTermsIndex terms;
    private final ThreadFailureWatch health;
    private final LostInput lostInput;
    private final RegistryWait registryWait;
    private final Optional<ReplacedThreadMembers> replacedThreadMembers;
    private final CloseOptions closeOptions;
    private final int threads;

    /** With the default hooks: failed threads replaced and counted, health watched (see {@link #health()}). */
    public AttributionApp(AttributionConfig config, SchemaRegistryClient registry, AttributionMetrics metrics) {
        this(config, registry, metrics, StreamsHooks.defaults(config, metrics));
    }

    public AttributionApp(AttributionConfig config, SchemaRegistryClient registry, AttributionMetrics metrics,
                          StreamsHooks hooks) {
        this(config, registry, metrics, hooks, Set.of());
    }

    /**
     * @param previousRerouting the previous version's rerouting topics still on the cluster
     *                          ({@link TopicSetup#previousRerouting}): what it left there unread is read too
     */
    public AttributionApp(AttributionConfig config, SchemaRegistryClient registry, AttributionMetrics metrics,
                          StreamsHooks hooks, Set<String> previousRerouting) {
        AttributionSerdes serdes = AttributionSerdes.over(registry, SerdeOptions.fromConfig(config.registry()));
        index = new PromoCodeIndex(config.codeTable());
        metrics.codeTable(index::memoryBytes, index::definitionsWithoutAutomaton);
        terms = new CommissionTermsIndex(config.termsTable());
        metrics.termsTable(terms::memoryBytes);
        Properties settings = BoundedRocksDbMemory.asDefault(AttributionTopology.settings(config, metrics));
        streams = new KafkaStreams(
                AttributionTopology.build(config, serdes, metrics, index, terms, previousRerouting),
                settings, hooks.clientSupplier());
        health = hooks.watch();
        lostInput = hooks.lostInput();
        registryWait = new RegistryWait(registry, health);
        replacedThreadMembers = ReplacedThreadMembers.of(Utils.propsToMap(settings));
        // Already validated by KafkaStreams above.
        threads = Integer.parseInt(String.valueOf(settings.getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"))
                .trim());
        streams.setUncaughtExceptionHandler(leavingReplacedThreads(hooks.uncaughtExceptionHandler()));
        streams.setStateListener(hooks.stateListener());
        closeOptions = hooks.closeOptions();
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
    }

    /**
     * Under static membership, Kafka Streams leaves a replaced thread's member in the group (see
     * {@link ReplacedThreadMembers}): whatever the handler, a thread it replaces leaves.
     */
    private StreamsUncaughtExceptionHandler leavingReplacedThreads(StreamsUncaughtExceptionHandler handler) {
        return replacedThreadMembers.map(members -> members.after(handler)).orElse(handler);
    }

    /** Starts Kafka Streams now, or once the schema registry answers (health says it waits). */
    public void start() {
        replacedThreadMembers.ifPresent(members -> members.removeLeftovers(threads, LEFTOVERS_WAIT));
        registryWait.thenStart(streams::start);
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Whether this instance is ready and live, as its hooks saw it. */
    public ThreadFailureWatch health() {
        return health;
    }

    /** Input deleted before this instance read it, as its hooks saw it. */
    public LostInput lostInput() {
        return lostInput;
    }

    public PromoCodeIndex codes() {
        return index;
    }

    public CommissionTermsIndex terms() {
        return terms;
    }

    @Override
    public void close() {
        health.stopRequested();
        registryWait.close();
        streamsMetrics.close();
        streams.close(closeOptions);
        replacedThreadMembers.ifPresent(ReplacedThreadMembers::close);
    }
}
