package org.promoattribution.rule;

import java.time.Instant;

/** A click kept in a session's history: what the credit rule needs of it. */
public record TrackedClick(String clickId, String partnerId, Instant timestamp) {
}
