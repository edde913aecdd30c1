package org.promoattribution.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.promoattribution.config.Topics;
import org.promoattribution.simulate.DecisionJson;
import org.promoattribution.streams.AttributionSerdes;

/**
 * How {@code consume} prints a record, by topic: a decision or adjustment decision with every
 * field; a click, conversion, adjustment or promo code as the JSON line {@code produce} and {@code simulate} read (so output
 * can be fed back); anything else, the dead-letter topic included, as key, headers and base64
 * bytes. A record that does not decode is printed that last way too, with the error.
 */
final class RecordJson {
    private final ObjectMapper mapper;
    private final Topics topics;
    private final AttributionSerdes serdes;
    private final DecisionJson decisions;

    RecordJson(ObjectMapper mapper, Topics topics, AttributionSerdes serdes) {
        this.mapper = mapper;
        this.topics = topics;
        this.serdes = serdes;
        this.decisions = new DecisionJson(mapper, true);
    }

    String format(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        try {
            if (List.of(topics.credited(), topics.invalid(), topics.unattributed()).contains(topic)) {
                return decisions.format(decode(serdes.decision().deserializer(), record));
            }
            if (topic.equals(topics.adjusted())) {
                return decisions.format(decode(serdes.adjustmentDecision().deserializer(), record));
            }
            if (topic.equals(topics.adjustments())) {
                return fields(InputTopic.ADJUSTMENTS.eventType(), decode(serdes.adjustment().deserializer(), record));
            }
            if (topic.equals(topics.clicks())) {
                return fields(InputTopic.CLICKS.eventType(), decode(serdes.click().deserializer(), record));
            }
            if (topic.equals(topics.conversions())) {
                return fields(InputTopic.CONVERSIONS.eventType(), decode(serdes.conversion().deserializer(), record));
            }
            if (topic.equals(topics.promoCodes())) {
                return record.value() == null ? tombstone(record)
                        : fields(InputTopic.PROMO_CODES.eventType(), decode(serdes.promoCode().deserializer(), record));
            }
        } catch (RuntimeException e) {
            return raw(record).put("error", String.valueOf(e.getMessage())).toString();
        }
        return raw(record).toString();
    }

    private static <T> T decode(Deserializer<T> deserializer, ConsumerRecord<byte[], byte[]> record) {
        T value = deserializer.deserialize(record.topic(), record.headers(), record.value());
        if (value == null) {
            throw new IllegalArgumentException("a null value");
        }
        return value;
    }

    /** Every field of the record's schema, in its order, after "type". */
    private String fields(String type, SpecificRecord record) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", type);
        for (Schema.Field field : record.getSchema().getFields()) {
            json.set(field.name(), node(record.get(field.pos())));
        }
        return json.toString();
    }

    private JsonNode node(Object value) {
        JsonNodeFactory nodes = mapper.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(node(item)));
            return array;
        }
        if (value instanceof BigDecimal amount) {
            return nodes.textNode(DecisionJson.amount(amount)); // as text, as simulate reads amounts: no binary rounding
        }
        return nodes.textNode(value.toString()); // strings, enum symbols, and instants as ISO-8601
    }

    private String tombstone(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", "promo_code_delete");
        json.put("promoCodeId", text(record.key()));
        return json.toString();
    }

    private ObjectNode raw(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode json = mapper.createObjectNode();
        json.put("key", text(record.key()));
        ObjectNode headers = json.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), text(header.value()));
        }
        json.put("value_base64", record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
        return json;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
