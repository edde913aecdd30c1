package org.promoattribution.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.streams.AttributionSerdes;
import org.promoattribution.testing.Fixtures;

class EventSenderTest {
    private final AttributionSerdes serdes = AttributionSerdes.over(new InMemorySchemaRegistryClient(),
            SerdeOptions.DEFAULT);

    @Test
    void eachEventGoesToItsTopicUnderItsKeyInTheWireFormat() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        Click click = Fixtures.click("c1", "s1", "blog", "2026-06-01T10:00:00Z");
        Conversion direct = Fixtures.conversion("o1", null, "2026-06-01T10:05:00Z");
        try (EventSender sender = new EventSender(producer, serdes, Topics.DEFAULTS)) {
            sender.send(new SimEvent(SimEvent.Kind.CLICK, "s1", click));
            sender.send(new SimEvent(SimEvent.Kind.CONVERSION, "o1", direct));
            sender.send(new SimEvent(SimEvent.Kind.PROMO_CODE, "pc-1",
                    Fixtures.exact("pc-1", "SUMMER10", "blog", CreditPolicy.ALWAYS)));
            sender.send(new SimEvent(SimEvent.Kind.PROMO_CODE, "pc-1", null));
            sender.flush();

            List<ProducerRecord<String, byte[]>> sent = producer.history();
            assertThat(sent).extracting(ProducerRecord::topic, ProducerRecord::key)
                    .containsExactly(tuple("clicks", "s1"),
                            tuple("conversions", "o1"),
                            tuple("promo-codes", "pc-1"),
                            tuple("promo-codes", "pc-1"));
            assertThat(sent.get(0).value()[0]).isZero(); // the wire format's magic byte
            assertThat(serdes.click().deserializer().deserialize("clicks", sent.get(0).value())).isEqualTo(click);
            assertThat(sent.get(3).value()).isNull(); // a tombstone
            assertThat(sender.acknowledged()).isEqualTo(4);
        }
    }

    @Test
    void refusedRecordsAreCounted() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        try (EventSender sender = new EventSender(producer, serdes, Topics.DEFAULTS)) {
            sender.send(new SimEvent(SimEvent.Kind.CLICK, "s1", Fixtures.click("c1", "s1", "blog",
                    "2026-06-01T10:00:00Z")));
            producer.errorNext(new RecordTooLargeException("too large"));

            assertThat(sender.failed()).isEqualTo(1);
            assertThat(sender.acknowledged()).isZero();
            assertThat(sender.firstFailure()).hasMessage("too large");
        }
    }

    @Test
    void theEventTimeIsTheRecordTimestampAndOneBefore1970TravelsAsZero() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        try (EventSender sender = new EventSender(producer, serdes, Topics.DEFAULTS)) {
            sender.send(new SimEvent(SimEvent.Kind.CLICK, "s1", Fixtures.click("c1", "s1", "blog",
                    "2026-06-01T10:00:00Z")));
            sender.send(new SimEvent(SimEvent.Kind.CONVERSION, "o1", Fixtures.conversion("o1", null,
                    "1969-12-31T23:00:00Z")));

            assertThat(producer.history()).extracting(ProducerRecord::timestamp)
                    .containsExactly(Instant.parse("2026-06-01T10:00:00Z").toEpochMilli(), 0L);
        }
    }

    private static SimEvent click(String clickId, String session) {
        return SimEvent.of(Fixtures.click(clickId, session, "blog", "2026-06-01T10:00:00Z"));
    }

    private static SimEvent order(String conversionId, String session) {
        return SimEvent.of(Fixtures.conversion(conversionId, session, "2026-06-01T10:05:00Z"));
    }

    private static List<String> sentKeys(MockProducer<String, byte[]> producer) {
        return producer.history().stream().map(r -> r.topic() + " " + r.key()).toList();
    }

    @Test
    void order_aSessionsOrderIsSentOnceItsClicksAreAcknowledged() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        try (EventSender sender = new EventSender(producer, serdes, Topics.DEFAULTS)) {
            sender.send(click("c1", "s1"));
            sender.send(click("c2", "s1"));
            sender.send(order("o1", "s1"));
            sender.send(click("c3", "s1")); // sent after its session's order: it stays behind it
            sender.send(order("o2", "s2")); // another session's order has no click to wait for
            assertThat(sentKeys(producer)).containsExactly("clicks s1", "clicks s1", "conversions s2");

            producer.completeNext();
            sender.send(order("o3", "s3"));
            assertThat(sentKeys(producer)).as("c2 is not acknowledged yet").hasSize(4);

            producer.completeNext();
            sender.send(order("o4", "s4"));
            assertThat(sentKeys(producer)).containsExactly("clicks s1", "clicks s1", "conversions s2",
                    "conversions s3", "conversions s1", "clicks s1", "conversions s4");
        }
    }

    @Test
    void order_flushSendsTheOrdersWaitingForTheirClicks() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        try (EventSender sender = new EventSender(producer, serdes, Topics.DEFAULTS)) {
            sender.send(click("c1", "s1"));
            sender.send(order("o1", "s1"));
            sender.send(click("c2", "s1"));
            sender.send(order("o2", "s1"));
            sender.flush();

            assertThat(sentKeys(producer)).containsExactly("clicks s1", "conversions s1", "clicks s1", "conversions s1");
            assertThat(sender.acknowledged()).isEqualTo(4);
        }
    }

    @Test
    void order_aRefusedClickReleasesItsSessionsOrder() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        try (EventSender sender = new EventSender(producer, serdes, Topics.DEFAULTS)) {
            sender.send(click("c1", "s1"));
            sender.send(order("o1", "s1"));
            producer.errorNext(new RecordTooLargeException("too large"));
            sender.flush();

            assertThat(sentKeys(producer)).containsExactly("clicks s1", "conversions s1");
            assertThat(sender.failed()).isEqualTo(1);
            assertThat(sender.acknowledged()).isEqualTo(1);
        }
    }
}
