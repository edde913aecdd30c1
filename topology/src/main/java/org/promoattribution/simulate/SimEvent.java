package org.promoattribution.simulate;

import org.apache.avro.specific.SpecificRecord;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;

/**
 * One event of a simulation, as it would be produced to Kafka.
 *
 * @param value the record, or null for a promo-code tombstone
 */
public record SimEvent(Kind kind, String key, SpecificRecord value) {
    public enum Kind { CLICK, CONVERSION, PROMO_CODE }

    /**
     * The Kafka record timestamp: a click's or conversion's event time (the input topics the project
     * creates replace it with the broker's append time; others keep it, and Kafka Streams orders by
     * it); null (the producer's clock) for a promo code. Kafka refuses negative timestamps, so an
     * event time before 1970 travels as 0, for the pipeline to reject it.
     */
    public Long recordTimestamp() {
        return switch (kind) {
            case CLICK -> Math.max(0, ((Click) value).getTimestamp().toEpochMilli());
            case CONVERSION -> Math.max(0, ((Conversion) value).getTimestamp().toEpochMilli());
            case PROMO_CODE -> null;
        };
    }
}
