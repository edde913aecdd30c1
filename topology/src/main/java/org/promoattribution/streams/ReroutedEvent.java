package org.promoattribution.streams;

import java.util.Arrays;

/**
 * What a record on the session rerouting topic is. Clicks and conversions keyed otherwise than by
 * their session share one rerouting topic, so the session task reads one partition more, not two:
 * Kafka Streams formats a message for each empty input partition of a task for every record it
 * processes, and the rerouting topic is empty while producers key by session.
 *
 * <p>The kind is one byte before the bytes as received, not a header: the input record's headers
 * travel with it to the rerouting topic and on into a dead letter, so a header of ours would have
 * to be taken off there, and a producer's header of the same name could pass for ours. The prefix
 * costs a copy of the bytes, on misrouted records only.
 */
enum ReroutedEvent {
    CLICK((byte) 'c'),
    CONVERSION((byte) 'o');

    private final byte prefix;

    ReroutedEvent(byte prefix) {
        this.prefix = prefix;
    }

    /** The bytes as received, behind this kind's prefix. */
    byte[] tag(byte[] received) {
        int length = received == null ? 0 : received.length;
        byte[] tagged = new byte[length + 1];
        tagged[0] = prefix;
        if (received != null) {
            System.arraycopy(received, 0, tagged, 1, length);
        }
        return tagged;
    }

    /** The kind {@code tagged} is: only this topology writes the topic, so what is not a click is a conversion. */
    static ReroutedEvent of(byte[] tagged) {
        return tagged != null && tagged.length > 0 && tagged[0] == CLICK.prefix ? CLICK : CONVERSION;
    }

    /** The bytes as received, without the prefix. */
    static byte[] received(byte[] tagged) {
        return Arrays.copyOfRange(tagged, 1, tagged.length);
    }
}
