package org.promoattribution.validation;
import org.promoattribution.deadletter.DeadLetterReason;

/** A record that fails SPEC "Bad input": it goes to the dead-letter topic with this reason. */
public class InvalidRecordException extends RuntimeException {
    private final DeadLetterReason reason;

    public InvalidRecordException(DeadLetterReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidRecordException(DeadLetterReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
