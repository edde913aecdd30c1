package org.promoattribution.simulate;

import org.promoattribution.deadletter.DeadLetterReason;

/** An input line that cannot become an event; simulate prints it as a "rejected" line. */
public class RejectedEventException extends RuntimeException {
    public RejectedEventException(DeadLetterReason reason, String message) {
        super(reason.name() + ": " + message);
    }
}
