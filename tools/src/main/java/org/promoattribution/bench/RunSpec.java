package org.promoattribution.bench;

import java.nio.file.Path;
import org.promoattribution.config.AttributionConfig;

/**
 * One contender's run: its settings (application id, processing guarantee, topics, state dir)
 * and the topic raw clients and passthrough write to.
 */
record RunSpec(String id, Guarantee guarantee, AttributionConfig config, Path stateDir, String outputTopic) {
}
