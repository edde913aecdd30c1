package org.promoattribution.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.promoattribution.simulate.JsonEvents;
import org.promoattribution.simulate.RejectedEventException;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.validation.DeadLetterReason;

/**
 * Reads {@code produce}'s input: the JSON lines of {@code simulate}, all of one topic, so a line
 * may leave out "type" (the topic says it); {@code "delete": true} on a promo code makes a tombstone.
 */
final class TopicLines {
    private final ObjectMapper mapper;
    private final JsonEvents events;
    private final InputTopic topic;

    TopicLines(ObjectMapper mapper, InputTopic topic) {
        this.mapper = mapper;
        this.events = new JsonEvents(mapper);
        this.topic = topic;
    }

    /** The event of one line; {@link RejectedEventException} when it is not one of this topic's. */
    SimEvent parse(String line) {
        SimEvent event = events.parse(withType(line));
        if (event.kind() != topic.kind()) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE, "a " + InputTopic.of(event.kind()).eventType()
                    + " event does not belong on the " + topic + " topic");
        }
        return event;
    }

    /** The line with the topic's type added when it has none; as it is otherwise, for JsonEvents to judge. */
    private String withType(String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return line;
        }
        if (!(node instanceof ObjectNode object) || object.has("type")) {
            return line;
        }
        boolean tombstone = topic == InputTopic.PROMO_CODES && object.path("delete").asBoolean(false);
        object.put("type", tombstone ? "promo_code_delete" : topic.eventType());
        return object.toString();
    }
}
