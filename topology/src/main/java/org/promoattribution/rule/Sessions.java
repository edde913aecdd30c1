package org.promoattribution.rule;

/** SPEC "Records": a conversion's sessionId may be null or empty, and then it has no session, so no clicks. */
public final class Sessions {
    private Sessions() {
    }

    public static boolean given(String sessionId) {
        return sessionId != null && !sessionId.isEmpty();
    }
}
