package org.promoattribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.promoattribution.simulate.JsonEvents;
import org.promoattribution.simulate.RejectedEventException;
import org.promoattribution.simulate.SimEvent;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * Reads {@code produce}'s input: the JSON lines of {@code simulate}, all of one topic, so a line
 * may leave out "type" (the topic says it); {@code "delete": true} on a promo code makes a tombstone.
 */
final class TopicLines {
    private final JsonEvents events;
    private final InputTopic topic;

    TopicLines(ObjectMapper mapper, InputTopic topic) {
        this.events = new JsonEvents(mapper);
        this.topic = topic;
    }

    /** The event of one line; {@link RejectedEventException} when it is not one of this topic's. */
    SimEvent parse(String line) {
        ObjectNode object = events.object(line);
        if (!object.has("type")) {
            boolean tombstone = topic == InputTopic.PROMO_CODES && object.path("delete").asBoolean(false);
            object.put("type", tombstone ? "promo_code_delete" : topic.eventType());
        }
        SimEvent event = events.event(object);
        if (event.kind() != topic.kind()) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE, "a " + InputTopic.of(event.kind()).eventType()
                    + " event does not belong on the " + topic + " topic");
        }
        return event;
    }
}
