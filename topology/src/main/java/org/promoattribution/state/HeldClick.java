package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;
import org.promoattribution.rule.TrackedClick;

/**
 * A click a session holds, in the order of its history: timestamp, then arrival (SPEC rule 2). Held
 * in its session's own entry ({@link SessionEntry}) while the session is short; its bytes there are
 * made once, so that writing the entry on every click of the session encodes no click again.
 */
final class HeldClick implements Comparable<HeldClick> {
    final long timestamp;
    final long arrival;
    final String clickId;
    final String partnerId;
    private byte[] bytes;

    HeldClick(long timestamp, long arrival, String clickId, String partnerId) {
        this.timestamp = timestamp;
        this.arrival = arrival;
        this.clickId = clickId;
        this.partnerId = partnerId;
    }

    /** A click of the {@link StoreNames#CLICK_HISTORY} store, by its key and value. */
    static HeldClick ofStored(Bytes key, byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        String clickId = SessionKey.readString(buffer);
        return new HeldClick(SessionKey.timestampOf(key), SessionKey.arrivalOf(key), clickId,
                SessionKey.readString(buffer));
    }

    static HeldClick readFrom(ByteBuffer in) {
        int start = in.position();
        long timestamp = in.getLong();
        long arrival = in.getLong();
        HeldClick click = new HeldClick(timestamp, arrival, SessionKey.readString(in), SessionKey.readString(in));
        click.bytes = new byte[in.position() - start];
        in.get(start, click.bytes);
        return click;
    }

    /** Timestamp, arrival, then the id and partner, each preceded by its length. */
    byte[] bytes() {
        if (bytes == null) {
            byte[] id = clickId.getBytes(StandardCharsets.UTF_8);
            byte[] partner = partnerId.getBytes(StandardCharsets.UTF_8);
            bytes = ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES * 2 + id.length + partner.length)
                    .putLong(timestamp).putLong(arrival).putInt(id.length).put(id).putInt(partner.length).put(partner)
                    .array();
        }
        return bytes;
    }

    /** Its key in the {@link StoreNames#CLICK_HISTORY} store. */
    Bytes key(SessionKey session) {
        return session.clickKey(timestamp, arrival);
    }

    TrackedClick tracked() {
        return new TrackedClick(clickId, partnerId, Instant.ofEpochMilli(timestamp));
    }

    @Override
    public int compareTo(HeldClick other) {
        int byTime = Long.compare(timestamp, other.timestamp);
        return byTime != 0 ? byTime : Long.compare(arrival, other.arrival);
    }
}
