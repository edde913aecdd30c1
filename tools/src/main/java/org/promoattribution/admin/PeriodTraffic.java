package org.promoattribution.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.streams.RecordCheck;
import org.promoattribution.streams.RecordDecoder;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.validation.TermsDefinitions;

/**
 * The traffic of a period on the pipeline's input topics, for a what-if to replay offline: the
 * orders whose event time is in [from, to), the clicks that can count for them (from
 * referral.window.max before {@code from}), the adjustments of those orders whenever they came,
 * in the order they reached Kafka (the input topics stamp records with the broker's append time),
 * after today's promo codes and commission terms (each with its schedule). Read committed, from
 * the first record appended late enough to matter, to the end.
 */
public final class PeriodTraffic {
    /**
     * @param definitions the live promo codes and commission terms, to send first
     * @param traffic     clicks, orders and adjustments in arrival order
     * @param unreadable  records that could not be decoded (the pipeline dead-lettered them too)
     */
    public record Events(List<SimEvent> definitions, List<SimEvent> traffic, long unreadable) {
    }

    private record Arrival(long appendTime, SimEvent event) {
    }

    private final Consumer<byte[], byte[]> consumer;
    private final AttributionConfig config;
    private final AttributionSerdes serdes;
    private final Duration silence;
    private long unreadable;

    private PeriodTraffic(Consumer<byte[], byte[]> consumer, AttributionConfig config, AttributionSerdes serdes,
                          Duration silence) {
        this.consumer = consumer;
        this.config = config;
        this.serdes = serdes;
        this.silence = silence;
    }

    public static Events read(Consumer<byte[], byte[]> consumer, AttributionConfig config, AttributionSerdes serdes,
                              Instant from, Instant to, Duration silence) {
        return new PeriodTraffic(consumer, config, serdes, silence).read(from, to);
    }

    private Events read(Instant from, Instant to) {
        Topics topics = config.topics();
        List<SimEvent> definitions = new ArrayList<>();
        DefinitionCatalog.read(consumer, topics.promoCodes(),
                new RecordDecoder<>(serdes.promoCode().deserializer(), RecordCheck.none()), CodeDefinitions::from,
                Comparator.comparing(PromoCode::getPromoCodeId), silence).definitions()
                .forEach(code -> definitions.add(new SimEvent(SimEvent.Kind.PROMO_CODE, code.getPromoCodeId(), code)));
        DefinitionCatalog.read(consumer, topics.commissionTerms(),
                new RecordDecoder<>(serdes.commissionTerms().deserializer(), RecordCheck.none()),
                terms -> TermsDefinitions.from(terms, config.referralWindowMax()),
                Comparator.comparing(CommissionTerms::getTermsId), silence).definitions()
                .forEach(terms -> definitions.add(new SimEvent(SimEvent.Kind.COMMISSION_TERMS, terms.getTermsId(),
                        terms)));

        Instant clicksFrom = from.minus(config.referralWindowMax());
        // A record's event time is at most event.time.max.ahead past its arrival: nothing earlier can matter.
        Instant since = clicksFrom.minus(config.eventTimeMaxAhead());
        List<Arrival> arrivals = new ArrayList<>();
        Set<List<String>> orders = new HashSet<>();
        read(topics.clicks(), since, serdes.click().deserializer(), (Click click) ->
                in(click.getTimestamp(), clicksFrom, to) ? SimEvent.of(click) : null, arrivals);
        read(topics.conversions(), since, serdes.conversion().deserializer(), (Conversion conversion) -> {
            if (!in(conversion.getTimestamp(), from, to)) {
                return null;
            }
            orders.add(List.of(conversion.getProgramId(), conversion.getConversionId()));
            return SimEvent.of(conversion);
        }, arrivals);
        List<Arrival> adjustments = new ArrayList<>();
        read(topics.adjustments(), since, serdes.adjustment().deserializer(), SimEvent::of, adjustments);
        adjustments.stream().filter(a -> orders.contains(List.of(
                ((ConversionAdjustment) a.event().value()).getProgramId(),
                ((ConversionAdjustment) a.event().value()).getConversionId()))).forEach(arrivals::add);
        arrivals.sort(Comparator.comparingLong(Arrival::appendTime)); // stable: each partition keeps its order
        return new Events(definitions, arrivals.stream().map(Arrival::event).toList(), unreadable);
    }

    private <T extends SpecificRecord> void read(String topic, Instant since, Deserializer<T> deserializer,
                                                 Function<T, SimEvent> event, List<Arrival> into) {
        WholeTopic.readToEnd(consumer, topic, since, silence, (ConsumerRecord<byte[], byte[]> record) -> {
            T value;
            try {
                value = record.value() == null ? null : deserializer.deserialize(topic, record.value());
            } catch (SerializationException e) {
                value = null;
            }
            if (value == null) {
                unreadable++;
                return;
            }
            SimEvent kept = event.apply(value);
            if (kept != null) {
                into.add(new Arrival(record.timestamp(), kept));
            }
        });
    }

    private static boolean in(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
