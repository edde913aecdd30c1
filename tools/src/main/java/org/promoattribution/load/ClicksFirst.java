package org.promoattribution.load;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.promoattribution.simulate.SimEvent;

/**
 * SPEC "Order": a producer waits for a click's acknowledgement before it sends its session's order,
 * since records on two topics reach Kafka in no set order. An order whose session has a click in
 * flight waits here, and so does what its session sends after it, in the order sent; nothing
 * blocks the sender, and the other sessions' events go on.
 */
final class ClicksFirst {
    /** Per session, a token of its latest click not yet acknowledged; written from the producer's thread too. */
    private final Map<String, Object> inFlight = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<SimEvent>> held = new HashMap<>();
    /** The sessions with events held, in the order their first one was. */
    private final ArrayDeque<String> heldSessions = new ArrayDeque<>();

    /** Notes a click being sent; run what it returns once the broker has answered for it. */
    Runnable clickSent(SimEvent click) {
        String session = click.key();
        if (session == null) {
            return () -> { };
        }
        Object token = new Object();
        inFlight.put(session, token);
        return () -> inFlight.remove(session, token);
    }

    /** Keeps the event back, and says so, when it must wait for its session's clicks. */
    boolean hold(SimEvent event) {
        String session = event.key();
        if (session == null || (event.kind() != SimEvent.Kind.CLICK && event.kind() != SimEvent.Kind.CONVERSION)) {
            return false;
        }
        ArrayDeque<SimEvent> queue = held.get(session);
        if (queue == null) {
            if (event.kind() != SimEvent.Kind.CONVERSION || !inFlight.containsKey(session)) {
                return false;
            }
            queue = new ArrayDeque<>();
            held.put(session, queue);
            heldSessions.add(session);
        }
        queue.add(event);
        return true;
    }

    /** Hands over, in the order they were held, the events free to go, until one must still wait. */
    void release(Consumer<SimEvent> send) {
        while (!heldSessions.isEmpty()) {
            String session = heldSessions.peek();
            ArrayDeque<SimEvent> queue = held.get(session);
            while (!queue.isEmpty()
                    && (queue.peek().kind() != SimEvent.Kind.CONVERSION || !inFlight.containsKey(session))) {
                send.accept(queue.poll()); // a click sent from here makes the next order wait again
            }
            if (!queue.isEmpty()) {
                return;
            }
            held.remove(session);
            heldSessions.poll();
        }
    }

    boolean holdsAny() {
        return !heldSessions.isEmpty();
    }
}
