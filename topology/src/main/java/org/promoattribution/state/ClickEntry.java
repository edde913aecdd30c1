package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.promoattribution.rule.TrackedClick;

/** The value stored per tracked click: only what decisions need, to keep the store small. */
public final class ClickEntry {
    private ClickEntry() {
    }

    public static byte[] encode(String clickId, String partnerId) {
        byte[] click = clickId.getBytes(StandardCharsets.UTF_8);
        byte[] partner = partnerId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Integer.BYTES * 2 + click.length + partner.length)
                .putInt(click.length).put(click).putInt(partner.length).put(partner).array();
    }

    static String clickIdOf(byte[] value) {
        return SessionKey.readString(ByteBuffer.wrap(value));
    }

    static TrackedClick decode(Bytes key, byte[] value) {
        return HeldClick.ofStored(key, value).tracked();
    }
}
