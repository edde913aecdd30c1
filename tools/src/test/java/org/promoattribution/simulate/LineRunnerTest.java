package org.promoattribution.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A line that fails in a way no check foresaw is that line's PROCESSING_ERROR, not the run's end. */
class LineRunnerTest {
    private static final String EVENT = "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\","
            + "\"timestamp\":\"2026-06-01T10:05:00Z\"}";
    private final ObjectMapper mapper = new ObjectMapper();

    private List<String> run(Function<SimEvent, Simulator.Step> send) throws IOException {
        InputLines lines = new InputLines(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)));
        return new LineRunner(new JsonEvents(mapper), send, new DecisionJson(mapper, false)).run(lines.next());
    }

    @Test
    void aRuntimeExceptionIsAProcessingErrorLine() throws IOException {
        assertThat(run(event -> {
            throw new IllegalStateException("a bug");
        })).containsExactly(
                "{\"type\":\"rejected\",\"line\":1,\"error\":\"PROCESSING_ERROR: java.lang.IllegalStateException: a bug\"}");
    }

    @Test
    void anErrorOtherThanRunningOutOfMemoryIsAProcessingErrorLine() throws IOException {
        assertThat(run(event -> {
            throw new StackOverflowError();
        })).containsExactly("{\"type\":\"rejected\",\"line\":1,\"error\":\"PROCESSING_ERROR: java.lang.StackOverflowError\"}");
    }

    @Test
    void runningOutOfMemoryEndsTheRun() {
        assertThatThrownBy(() -> run(event -> {
            throw new OutOfMemoryError("heap");
        })).isInstanceOf(OutOfMemoryError.class);
    }
}
