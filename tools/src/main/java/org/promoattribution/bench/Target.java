package org.promoattribution.bench;

/**
 * A goal the bench checks, on a figure of the same run.
 *
 * @param key     the figure's key in results.json
 * @param atLeast true: the figure must be at least {@code limit}; false: at most
 */
record Target(String description, String key, double value, double limit, boolean atLeast) {

    boolean passed() {
        return atLeast ? value >= limit : value <= limit;
    }
}
