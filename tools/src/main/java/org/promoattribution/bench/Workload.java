package org.promoattribution.bench;

import org.promoattribution.config.AttributionConfig;
import org.promoattribution.load.TrafficTotals;

/**
 * A scenario as written to its input topics.
 *
 * @param config  settings naming the scenario's input topics
 * @param records click, conversion and adjustment records written, duplicates included
 * @param bytes   what the broker holds of the click, conversion and adjustment topics
 */
record Workload(Scenario scenario, AttributionConfig config, TrafficTotals totals, long records, long bytes) {
}
