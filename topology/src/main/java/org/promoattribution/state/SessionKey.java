package org.promoattribution.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * The binary keys of the click history. A session's clicks in one program share a
 * length-prefixed (session, program) prefix followed by the click's timestamp and arrival
 * number, both big-endian and sign-flipped, so that byte order is (timestamp, arrival) order
 * and a time range of one session is one contiguous key range.
 */
public record SessionKey(String sessionId, String programId, byte[] prefix) {
    static final int SUFFIX_SIZE = Long.BYTES * 2;

    public static SessionKey of(String sessionId, String programId) {
        byte[] session = sessionId.getBytes(StandardCharsets.UTF_8);
        byte[] program = programId.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ByteBuffer.allocate(Integer.BYTES * 2 + session.length + program.length)
                .putInt(session.length).put(session).putInt(program.length).put(program).array();
        return new SessionKey(sessionId, programId, prefix);
    }

    /** The start shared by the keys of a session's clicks in every program. */
    static Bytes sessionPrefix(String sessionId) {
        byte[] session = sessionId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Integer.BYTES + session.length).putInt(session.length).put(session)
                .array());
    }

    /** The session and program of one click's key. */
    static SessionKey ofClickKey(Bytes clickKey) {
        byte[] key = clickKey.get();
        return fromPrefix(Arrays.copyOf(key, key.length - SUFFIX_SIZE));
    }

    static SessionKey fromPrefix(byte[] prefix) {
        ByteBuffer buffer = ByteBuffer.wrap(prefix);
        String session = readString(buffer);
        String program = readString(buffer);
        return new SessionKey(session, program, prefix);
    }

    public Bytes prefixBytes() {
        return Bytes.wrap(prefix);
    }

    public Bytes clickKey(long timestamp, long arrival) {
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + SUFFIX_SIZE)
                .put(prefix).putLong(timestamp ^ Long.MIN_VALUE).putLong(arrival ^ Long.MIN_VALUE).array());
    }

    Bytes first() {
        return clickKey(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    Bytes last() {
        return clickKey(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    static long timestampOf(Bytes clickKey) {
        byte[] key = clickKey.get();
        return ByteBuffer.wrap(key, key.length - SUFFIX_SIZE, Long.BYTES).getLong() ^ Long.MIN_VALUE;
    }

    static long arrivalOf(Bytes clickKey) {
        byte[] key = clickKey.get();
        return ByteBuffer.wrap(key, key.length - Long.BYTES, Long.BYTES).getLong() ^ Long.MIN_VALUE;
    }

    static String readString(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
