package org.promoattribution.simulate;

import org.apache.avro.specific.SpecificRecord;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.RoutingKey;

/**
 * One event of a simulation, as it would be produced to Kafka.
 *
 * @param value the record, or null for a promo-code or commission-terms tombstone
 */
public record SimEvent(Kind kind, String key, SpecificRecord value) {
    public enum Kind { CLICK, CONVERSION, PROMO_CODE, COMMISSION_TERMS, ADJUSTMENT }

    /** Each event keyed as the topology routes it, so that it needs no repartition. */
    public static SimEvent of(Click click) {
        return new SimEvent(Kind.CLICK, RoutingKey.of(click), click);
    }

    public static SimEvent of(Conversion conversion) {
        return new SimEvent(Kind.CONVERSION, RoutingKey.of(conversion), conversion);
    }

    public static SimEvent of(ConversionAdjustment adjustment) {
        return new SimEvent(Kind.ADJUSTMENT, RoutingKey.of(adjustment), adjustment);
    }

    /** The input topic a producer writes this event to. */
    public String topic(Topics topics) {
        return switch (kind) {
            case CLICK -> topics.clicks();
            case CONVERSION -> topics.conversions();
            case PROMO_CODE -> topics.promoCodes();
            case COMMISSION_TERMS -> topics.commissionTerms();
            case ADJUSTMENT -> topics.adjustments();
        };
    }

    /** The record's value in the registry wire format for {@code topic}; null for a tombstone. */
    public byte[] serialize(AttributionSerdes serdes, String topic) {
        return switch (kind) {
            case CLICK -> serdes.click().serializer().serialize(topic, (Click) value);
            case CONVERSION -> serdes.conversion().serializer().serialize(topic, (Conversion) value);
            case PROMO_CODE -> serdes.promoCode().serializer().serialize(topic, (PromoCode) value);
            case COMMISSION_TERMS -> serdes.commissionTerms().serializer().serialize(topic, (CommissionTerms) value);
            case ADJUSTMENT -> serdes.adjustment().serializer().serialize(topic, (ConversionAdjustment) value);
        };
    }

    /**
     * The Kafka record timestamp: a click's, conversion's or adjustment's event time (the input topics the project
     * creates replace it with the broker's append time; others keep it, and Kafka Streams orders by
     * it); null (the producer's clock) for a promo code or terms. Kafka refuses negative timestamps, so an
     * event time before 1970 travels as 0, for the pipeline to reject it.
     */
    public Long recordTimestamp() {
        return switch (kind) {
            case CLICK -> Math.max(0, ((Click) value).getTimestamp().toEpochMilli());
            case CONVERSION -> Math.max(0, ((Conversion) value).getTimestamp().toEpochMilli());
            case ADJUSTMENT -> Math.max(0, ((ConversionAdjustment) value).getTimestamp().toEpochMilli());
            case PROMO_CODE, COMMISSION_TERMS -> null;
        };
    }
}
