package org.promoattribution.admin;

import java.time.Instant;
import org.promoattribution.codes.Schedule;

/** A definition's schedule as a listing tells it: live, scheduled (starts later) or expired (ended). */
final class ScheduleStatus {
    private ScheduleStatus() {
    }

    static String of(Instant validFrom, Instant validTo, Instant now) {
        if (new Schedule(validFrom, validTo).contains(now)) {
            return "live";
        }
        return validFrom != null && now.isBefore(validFrom) ? "scheduled" : "expired";
    }
}
