package org.promoattribution.run;

import java.util.Map;

/**
 * A cluster {@code run} starts for itself when the settings name none, and stops with the
 * instance: the tools' embedded broker and registry. The runtime alone has none to offer.
 */
public interface OwnCluster extends AutoCloseable {

    /** Settings naming this cluster (bootstrap.servers, schema.registry.url) and defaults that suit it. */
    Map<String, String> settings();

    @Override
    void close();
}
