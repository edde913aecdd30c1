package org.promoattribution.codes.regex;

/** A pattern whose automaton passes a bound; construction stopped there (SPEC "Limits": INVALID_PATTERN). */
public final class AutomatonTooLarge extends RuntimeException {
    public AutomatonTooLarge(String message) {
        super(message, null, false, false);
    }
}
