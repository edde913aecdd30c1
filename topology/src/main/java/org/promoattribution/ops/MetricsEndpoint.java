package org.promoattribution.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code /metrics}: every meter of the instance in the Prometheus text format. */
final class MetricsEndpoint implements Endpoint {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response handle(Request request) {
        return Response.text(200, CONTENT_TYPE, registry.scrape());
    }
}
