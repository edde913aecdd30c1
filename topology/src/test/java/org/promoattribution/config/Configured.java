package org.promoattribution.config;

import org.promoattribution.testing.AttributionDriver;

/** The configuration read from key-value pairs, as {@code run} reads its file. */
final class Configured {
    private Configured() {
    }

    static AttributionConfig config(String... keyValues) {
        return AttributionConfig.from(AttributionDriver.settings(keyValues));
    }
}
