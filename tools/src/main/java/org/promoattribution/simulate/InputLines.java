package org.promoattribution.simulate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * Splits input bytes into lines on '\n' and decodes each line on its own, as strict UTF-8: bad
 * bytes or an overlong line make that line unreadable, and the next line starts afresh. A
 * trailing '\r' (CRLF line ends) and a leading byte-order mark are dropped.
 */
public final class InputLines {
    /** Far above any valid event (100 codes of 1,000 characters), far below what would strain memory. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long number;

    public InputLines(InputStream in) {
        this.in = in;
    }

    /** One line of the input, numbered from 1. */
    public static final class Line {
        private final long number;
        private final String text;
        private final RejectedEventException unreadable;

        private Line(long number, String text, RejectedEventException unreadable) {
            this.number = number;
            this.text = text;
            this.unreadable = unreadable;
        }

        public long number() {
            return number;
        }

        /** The line's text; {@link RejectedEventException} when its bytes are not a line of text. */
        public String text() {
            if (unreadable != null) {
                throw unreadable;
            }
            return text;
        }
    }

    /** The next line, or null at the end of the input (after a final '\n' there is no empty line). */
    public Line next() throws IOException {
        line.reset();
        boolean tooLong = false;
        boolean read = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!read) {
                    return null;
                }
                break;
            }
            read = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            tooLong = tooLong || line.size() + (end - position) > MAX_LINE_BYTES;
            if (!tooLong) {
                line.write(buffer, position, end - position);
            }
            boolean endOfLine = end < limit;
            position = endOfLine ? end + 1 : end;
            if (endOfLine) {
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, new RejectedEventException(DeadLetterReason.LIMIT_EXCEEDED,
                    "line " + number + " is longer than " + MAX_LINE_BYTES + " bytes"));
        }
        return decode();
    }

    private boolean fill() throws IOException {
        int count = in.read(buffer);
        position = 0;
        limit = Math.max(count, 0);
        return count > 0;
    }

    private Line decode() {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return new Line(number, null, new RejectedEventException(DeadLetterReason.UNDECODABLE,
                    "line " + number + " is not valid UTF-8"));
        }
        return new Line(number, text.startsWith(String.valueOf(BYTE_ORDER_MARK)) ? text.substring(1) : text, null);
    }
}
