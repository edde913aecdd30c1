package org.promoattribution.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * Turns each input line of {@code simulate} into its output lines: the decisions it released, or
 * its rejection. Nothing a line holds ends the run: a line that cannot be read or taken is a
 * "rejected" line, and a failure no check foresaw (a bug) is one too, as PROCESSING_ERROR, the
 * way the pipeline sends such a record to the dead-letter topic. Only running out of memory
 * stops the run. Blank lines are skipped.
 */
public final class LineRunner {
    private final JsonEvents events;
    private final Function<SimEvent, Simulator.Step> send;
    private final DecisionJson json;

    public LineRunner(JsonEvents events, Function<SimEvent, Simulator.Step> send, DecisionJson json) {
        this.events = events;
        this.send = send;
        this.json = json;
    }

    public List<String> run(InputLines.Line line) {
        try {
            String text = line.text();
            if (text.isBlank()) {
                return List.of();
            }
            Simulator.Step step = send.apply(events.parse(text));
            List<String> output = new ArrayList<>();
            if (step.rejection() != null) {
                output.add(json.rejected(line.number(), step.rejection()));
            }
            step.inDecidedOrder().forEach(d -> output.add(json.format(d)));
            return output;
        } catch (RejectedEventException e) {
            return List.of(json.rejected(line.number(), e.getMessage()));
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) { // the last resort: whatever else this one line caused stays with it
            return List.of(json.rejected(line.number(), DeadLetterReason.PROCESSING_ERROR.name() + ": " + e));
        }
    }
}
