package org.promoattribution.streams;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.promoattribution.validation.InvalidRecordException;

/**
 * An input record after decoding: the bytes as received (kept for the dead-letter topic and
 * for re-routing), and either the value with its routing key or the failure.
 */
record Decoded(byte[] raw, SpecificRecord value, String routingKey, InvalidRecordException failure) {

    boolean failed() {
        return failure != null;
    }

    /** Whether the record already sits on its session's partition: its key is the routing key. */
    boolean keyedBy(byte[] key) {
        return key != null && routingKey != null && routingKey.equals(new String(key, StandardCharsets.UTF_8));
    }
}
