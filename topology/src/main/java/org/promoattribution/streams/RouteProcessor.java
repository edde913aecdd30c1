package org.promoattribution.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.promoattribution.deadletter.DeadLetterFit;
import org.promoattribution.deadletter.DeadLetterHeaders;
import org.promoattribution.deadletter.DeadLetterReason;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.validation.InvalidRecordException;

/**
 * The one step an input record takes before the processor that uses it: read, decoded and checked
 * once, and forwarded straight to the child that takes it, by name. (A DSL filter, branch or map
 * between would be a node more on every record's path, each copying the record and timing itself.)
 * A bad record goes to the dead-letter sink with its own headers and ours and the bytes as
 * received; a good one where the step's {@link Route} says.
 */
final class RouteProcessor implements Processor<byte[], byte[], Object, Object> {
    private final Intake intake;
    private final Route route;
    private final Children children;
    private final AttributionMetrics metrics;
    private ProcessorContext<Object, Object> context;
    private DeadLetterFit deadLetterFit;

    RouteProcessor(Intake intake, Route route, Children children, AttributionMetrics metrics) {
        this.intake = intake;
        this.route = route;
        this.children = children;
        this.metrics = metrics;
    }

    /** How a step reads its records: the kind each is, and its bytes as received. */
    @FunctionalInterface
    interface Intake {
        InputKind<?> kind(String topic, byte[] value);

        default byte[] received(byte[] value) {
            return value;
        }

        /** Records of one kind, as received. */
        static Intake of(InputKind<?> kind) {
            return (topic, value) -> kind;
        }

        /** Records of one kind for each topic, as received. */
        static Intake byTopic(Map<String, InputKind<?>> kinds) {
            return (topic, value) -> kinds.get(topic);
        }

        /** Records read back from a rerouting topic that {@code kinds} share, each behind its kind's tag. */
        static Intake byTag(InputKind<?>... kinds) {
            Map<ReroutedEvent, InputKind<?>> byTag = new EnumMap<>(ReroutedEvent.class);
            for (InputKind<?> kind : kinds) {
                byTag.put(kind.tag(), kind);
            }
            return new Intake() {
                @Override
                public InputKind<?> kind(String topic, byte[] value) {
                    return byTag.get(ReroutedEvent.of(value));
                }

                @Override
                public byte[] received(byte[] value) {
                    return ReroutedEvent.received(value);
                }
            };
        }
    }

    /** Where a step sends a good record. */
    enum Route {
        /** Keyed by its routing key, to the processor: read back from a rerouting topic, it is on that key's partition. */
        TO_PROCESSOR,
        /**
         * To the processor, if its key is its routing key (it is on that key's partition); else as
         * received to the rerouting topic, keyed by its routing key (nothing is re-encoded).
         */
        BY_KEY,
        /** As received, to the topic of valid ones. */
        AS_RECEIVED
    }

    /**
     * The names of the step's children in the topology.
     *
     * @param good      where good records go: the processor, or the topic of valid ones
     * @param rerouting the rerouting topic's first node ({@link Route#BY_KEY} only)
     */
    record Children(String deadLetters, String good, String rerouting) {
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.deadLetterFit = DeadLetterFit.from(context.appConfigs());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        route(record, topic, intake.kind(topic, record.value()), intake.received(record.value()));
    }

    private <T extends SpecificRecord> void route(Record<byte[], byte[]> record, String topic, InputKind<T> kind,
                                                  byte[] received) {
        T value;
        try { // the read alone: what the nodes after it throw goes to the processing exception handler
            if (kind.keyRequired() && record.key() == null) {
                throw new InvalidRecordException(DeadLetterReason.MISSING_KEY, "record has no key");
            }
            value = kind.decoder().decode(topic, received, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        } catch (InvalidRecordException e) {
            metrics.deadLetter(topic, e.reason());
            Headers headers = DeadLetterHeaders.of(record.headers(), e, context.recordMetadata());
            context.forward(new Record<>(record.key(), deadLetterFit.fit(record.key(), received, headers),
                    record.timestamp(), headers), children.deadLetters());
            return;
        }
        if (route == Route.AS_RECEIVED) {
            context.forward(record, children.good());
            return;
        }
        String routingKey = kind.routingKey().apply(value);
        if (route == Route.TO_PROCESSOR || keyedBy(record.key(), routingKey)) {
            context.forward(new Record<>(routingKey, kind.forProcessor().apply(value), record.timestamp(),
                    record.headers()), children.good());
        } else {
            context.forward(new Record<>(routingKey.getBytes(StandardCharsets.UTF_8), kind.rerouted(received),
                    record.timestamp(), record.headers()), children.rerouting());
        }
    }

    /** Whether the record already sits on its routing key's partition: its key is that key. */
    private static boolean keyedBy(byte[] key, String routingKey) {
        return key != null && routingKey != null && routingKey.equals(new String(key, StandardCharsets.UTF_8));
    }
}
