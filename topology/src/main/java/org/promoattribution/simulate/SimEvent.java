package org.promoattribution.simulate;

import org.apache.avro.specific.SpecificRecord;

/**
 * One event of a simulation, as it would be produced to Kafka.
 *
 * @param value the record, or null for a promo-code tombstone
 */
public record SimEvent(Kind kind, String key, SpecificRecord value) {
    public enum Kind { CLICK, CONVERSION, PROMO_CODE }
}
