package org.promoattribution.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines of bytes: split on '\n', each decoded on its own, whatever the reads deliver at a time. */
class InputLinesTest {

    /** A stream that hands out one byte per read, as a slow pipe may. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }

    private static List<String> texts(InputStream in) throws IOException {
        InputLines lines = new InputLines(in);
        List<String> texts = new ArrayList<>();
        for (InputLines.Line line = lines.next(); line != null; line = lines.next()) {
            texts.add(line.number() + ":" + line.text());
        }
        return texts;
    }

    @Test
    void aLineSplitAcrossReadsIsWholeAndALastLineNeedsNoNewline() throws IOException {
        byte[] input = "é1\r\n\nxyz".getBytes(StandardCharsets.UTF_8);
        assertThat(texts(trickling(input))).containsExactly("1:é1", "2:", "3:xyz");
    }

    @Test
    void aLineLongerThanTheReadBufferIsWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        byte[] input = (longLine + "\nnext\n").getBytes(StandardCharsets.UTF_8);
        assertThat(texts(new ByteArrayInputStream(input))).containsExactly("1:" + longLine, "2:next");
    }

    @Test
    void anEmptyInputHasNoLines() throws IOException {
        assertThat(texts(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }
}
