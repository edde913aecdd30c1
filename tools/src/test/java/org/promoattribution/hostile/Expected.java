package org.promoattribution.hostile;

import java.util.EnumSet;
import java.util.Set;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * What SPEC allows one input record to lead to: accepted (a conversion decided or dropped as a
 * duplicate, a click stored or dropped, a definition or tombstone taken), or a dead letter with
 * one of {@code reasons}.
 */
public record Expected(boolean mayBeAccepted, Set<DeadLetterReason> reasons) {

    public Expected {
        reasons = reasons.isEmpty() ? EnumSet.noneOf(DeadLetterReason.class) : EnumSet.copyOf(reasons);
    }

    public static Expected accepted() {
        return new Expected(true, Set.of());
    }

    public static Expected deadLetter(DeadLetterReason reason, DeadLetterReason... orOthers) {
        return new Expected(false, EnumSet.of(reason, orOthers));
    }

    /** Bad input whose reason SPEC leaves open (say, bytes that are no record at all). */
    public static Expected anyDeadLetter() {
        return new Expected(false, EnumSet.allOf(DeadLetterReason.class));
    }

    /** Mutated bytes may still be a valid record; whatever they are, they must be one of the two. */
    public static Expected acceptedOrAnyDeadLetter() {
        return new Expected(true, EnumSet.allOf(DeadLetterReason.class));
    }

    public static Expected acceptedOr(DeadLetterReason reason) {
        return new Expected(true, EnumSet.of(reason));
    }

    public boolean mustBeDeadLettered() {
        return !mayBeAccepted;
    }

    @Override
    public String toString() {
        return (mayBeAccepted ? "accepted" + (reasons.isEmpty() ? "" : " or ") : "")
                + (reasons.size() == DeadLetterReason.values().length ? "any dead letter"
                : reasons.isEmpty() ? "" : "dead letter " + reasons);
    }
}
