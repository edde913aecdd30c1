package org.promoattribution.streams;

import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * One kind of input record, as a {@link RouteProcessor} reads it: how it is decoded and checked,
 * the key of the partition it belongs on, what the processor it goes to takes, and how it is
 * marked on a rerouting topic it shares with another kind.
 *
 * @param forProcessor what the processor downstream takes, made from the decoded value
 * @param tag          its kind's mark on a shared rerouting topic; null where it has a topic of its own
 * @param keyRequired  whether a record without a key is bad input
 */
record InputKind<T extends SpecificRecord>(RecordDecoder<T> decoder, Function<T, String> routingKey,
                                           Function<T, ?> forProcessor, ReroutedEvent tag, boolean keyRequired) {

    /** An event that belongs on the partition of its routing key, and goes on as decoded. */
    static <T extends SpecificRecord> InputKind<T> event(RecordDecoder<T> decoder, Function<T, String> routingKey,
                                                         ReroutedEvent tag) {
        return new InputKind<>(decoder, routingKey, value -> value, tag, false);
    }

    /**
     * A definition of a compacted table, passed on as received: one without a key can be neither
     * replaced nor deleted.
     */
    static <T extends SpecificRecord> InputKind<T> definition(RecordDecoder<T> decoder) {
        return new InputKind<>(decoder, value -> null, value -> value, null, true);
    }

    /** This kind, taken by its processor as {@code forProcessor} makes it. */
    InputKind<T> takenAs(Function<T, ?> forProcessor) {
        return new InputKind<>(decoder, routingKey, forProcessor, tag, keyRequired);
    }

    /** The bytes as received, as written to its rerouting topic: behind its tag, if it shares one. */
    byte[] rerouted(byte[] received) {
        return tag == null ? received : tag.tag(received);
    }
}
